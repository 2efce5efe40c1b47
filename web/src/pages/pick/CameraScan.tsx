import { useEffect, useRef, useState } from 'react';
import type { CameraScanner } from '../../../../scanner/index.js';
import { t } from '../../i18n.js';

/** zxing is most of the camera's weight: its own chunk, out of the app's first download. */
const loadCamera = () => import('../../../../scanner/camera.js');

/** The phone's camera as a scanner, for devices without a trigger; each read goes to the same handler as the wedge. */
export function CameraScan(props: { onScan: (code: string) => void }) {
  const [isOn, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const onScan = useRef(props.onScan);
  onScan.current = props.onScan;
  useEffect(() => {
    // Fetched a moment after the page opens, while the network is there, so the service worker holds
    // it for a camera first turned on in a dead spot of the aisles; the first paint does not wait for it.
    const prefetch = setTimeout(() => void loadCamera().catch(() => undefined), 2000);
    return () => clearTimeout(prefetch);
  }, []);
  useEffect(() => {
    if (!isOn || !video.current) return;
    const element = video.current;
    let scanner: CameraScanner | null = null;
    let isStopped = false;
    loadCamera()
      .then(({ createCameraScanner }) => {
        if (isStopped) return;
        // 80 ms between decode attempts: zxing's default 500 ms is too slow for picking.
        scanner = createCameraScanner({ onScan: (raw) => onScan.current(raw), intervalMs: 80 });
        return scanner.start(element);
      })
      .catch((err: unknown) => setError(String(err)));
    return () => {
      isStopped = true;
      scanner?.stop();
    };
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
