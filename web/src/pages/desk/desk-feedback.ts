import { createFeedback } from '../../../../scanner/index.js';

/** The dock's sounds: a wrong scan must be heard from across the truck. */
export const deskFeedback = createFeedback();

if (typeof window !== 'undefined')
  window.addEventListener('pointerdown', () => void deskFeedback.unlock(), { once: true, capture: true });

/** Opens a print job: a PDF in a new tab (the browser's print dialog), ZPL as a file for the printer. */
export function openPrintJob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  if (blob.type === 'application/pdf') a.target = '_blank';
  else a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
