interface NativeDetector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string; format: string }>>;
}

/**
 * Polls the native BarcodeDetector every `intervalMs`, one detection at a time (a slow frame delays the
 * next attempt instead of piling them up). Returns the function that stops it.
 */
export function startNativeLoop(
  detector: NativeDetector,
  video: HTMLVideoElement,
  intervalMs: number,
  emit: (raw: string, format: string) => void,
): () => void {
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const tick = async () => {
    if (isStopped) return;
    // HAVE_CURRENT_DATA: a frame is there to look at.
    if (video.readyState >= 2) {
      try {
        for (const code of await detector.detect(video)) {
          if (isStopped) return;
          emit(code.rawValue, code.format);
        }
      } catch {
        // A frame that cannot be read (camera switching, tab hidden) is skipped; the next one may do.
      }
    }
    if (!isStopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 0);

  return () => {
    isStopped = true;
    clearTimeout(timer);
  };
}
