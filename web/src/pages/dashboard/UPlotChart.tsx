import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * uPlot in a React box: built once per `options`, fed new data in place, and as wide as its container
 * (uPlot draws on a canvas of a fixed size, so the width follows the box through a ResizeObserver).
 */
export function UPlotChart({
  options,
  data,
  height = 260,
  label,
  testId,
}: {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latestData = useRef(data);
  latestData.current = data;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const plot = new uPlot(
      { ...options, width: Math.max(el.clientWidth, 200), height },
      latestData.current,
      el,
    );
    chart.current = plot;
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(el.clientWidth, 200), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  return <div ref={box} className="dash-chart" role="img" aria-label={label} data-testid={testId} />;
}
