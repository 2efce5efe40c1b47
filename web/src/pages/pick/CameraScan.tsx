import { useEffect, useRef, useState } from 'react';
import { type CameraScanner, createCameraScanner } from '../../../../scanner/index.js';
import { t } from '../../i18n.js';

/** The phone's camera as a scanner, for devices without a trigger; each read goes to the same handler as the wedge. */
export function CameraScan(props: { onScan: (code: string) => void }) {
  const [isOn, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const onScan = useRef(props.onScan);
  onScan.current = props.onScan;
  useEffect(() => {
    if (!isOn || !video.current) return;
    let scanner: CameraScanner | null = null;
    try {
      // 80 ms between decode attempts: zxing's default 500 ms is too slow for picking.
      scanner = createCameraScanner({ onScan: (raw) => onScan.current(raw), intervalMs: 80 });
      scanner.start(video.current).catch((err: unknown) => setError(String(err)));
    } catch (err) {
      setError(String(err));
    }
    return () => scanner?.stop();
  }, [isOn]);
  return (
    <div className="pick-camera">
      <button
        type="button"
        className="button button-big"
        data-testid="camera-toggle"
        onClick={() => setOn(!isOn)}
      >
        {isOn ? t('pickCameraStop') : t('pickCamera')}
      </button>
      {isOn && <video ref={video} className="pick-video" muted playsInline data-testid="camera-video" />}
      {error && <p className="notice notice-error">{t('pickCameraError', { detail: error })}</p>}
    </div>
  );
}
