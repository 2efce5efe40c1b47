import { Socket } from 'node:net';
import { AppError } from '../../errors.js';

export interface RawTcpTarget {
  host: string;
  port: number;
}

/**
 * One exchange with a printer's raw port (9100): write `data`, then either close (a print job) or read
 * until `isComplete` says the answer is whole (a status query). Every step is bounded by `timeoutMs`:
 * a printer that is off, unplugged or out of paper must not hold the packer's screen.
 */
export function exchangeRaw(
  target: RawTcpTarget,
  data: Uint8Array,
  options: { timeoutMs: number; isComplete?: (received: Buffer) => boolean },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(
      () =>
        finish(
          new AppError(
            'printer_timeout',
            504,
            `The printer at ${target.host}:${target.port} did not answer within ${options.timeoutMs} ms (off, unplugged, out of paper or head open?).`,
          ),
        ),
      options.timeoutMs,
    );
    socket.setNoDelay(true);
    socket.on('error', (err) =>
      finish(
        new AppError(
          'printer_unreachable',
          502,
          `The printer at ${target.host}:${target.port} cannot be reached: ${err.message}.`,
        ),
      ),
    );
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (options.isComplete?.(Buffer.concat(chunks))) finish(null);
    });
    socket.on('close', () => finish(null));
    socket.connect(target.port, target.host, () => {
      socket.write(data, (err) => {
        if (err) return;
        // A print job is complete once written and the connection is half-closed; a query waits.
        if (!options.isComplete) socket.end(() => finish(null));
      });
    });
  });
}
