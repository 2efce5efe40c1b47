import { createServer, type Server, type Socket } from 'node:net';

/**
 * A label printer's raw port (9100) as a Zebra speaks it: it answers `~HS` with the three host status
 * strings, and keeps every ZPL format (^XA…^XZ) it receives, in order. Flags make it out of labels,
 * paused, or silent (a printer that does not answer a status query, as a Zebra with its head open).
 */
export interface FakePrinter {
  host: string;
  port: number;
  /** Every ^XA…^XZ format received, in arrival order. */
  formats: string[];
  /** Raw bytes of every connection that sent a job, for format checks. */
  jobs: string[];
  /** When each job's last byte arrived (performance.now()). */
  receivedAt: number[];
  statusQueries: number;
  state: { isPaperOut: boolean; isPaused: boolean; isSilent: boolean };
  waitForFormats(count: number, timeoutMs?: number): Promise<string[]>;
  close(): Promise<void>;
}

const STX = '\u0002';
const ETX = '\u0003';

function hostStatus(state: FakePrinter['state'], formatsInBuffer: number): string {
  const one = `030,${state.isPaperOut ? 1 : 0},${state.isPaused ? 1 : 0},1218,${String(formatsInBuffer).padStart(3, '0')},0,0,0,000,0,0,0`;
  const two = '001,0,0,0,0,2,6,0,00000000,1,000';
  const three = '1234,0';
  return [one, two, three].map((s) => `${STX}${s}${ETX}\r\n`).join('');
}

/** Splits a stream into ^XA…^XZ formats; text outside formats (such as ~HS) is not a label. */
export function splitFormats(stream: string): string[] {
  return [...stream.matchAll(/\^XA[\s\S]*?\^XZ/g)].map((m) => m[0]);
}

/**
 * What the fake calls valid ZPL: at least one format, every ^XA closed by ^XZ with no format nested or
 * left open, nothing but whitespace and tilde commands between formats, and each format made of ZPL
 * commands (a caret or tilde then two command characters).
 */
export function zplProblems(stream: string): string[] {
  const problems: string[] = [];
  const formats = splitFormats(stream);
  if (formats.length === 0) problems.push('no ^XA…^XZ format');
  const outside = stream
    .replace(/\^XA[\s\S]*?\^XZ/g, '')
    .replace(/~[A-Z]{2}[^\s^~]*/g, '')
    .trim();
  if (outside !== '') problems.push(`text outside formats: ${JSON.stringify(outside.slice(0, 40))}`);
  for (const [i, format] of formats.entries()) {
    const body = format.slice(3, -3);
    if (body.includes('^XA')) problems.push(`format ${i + 1} opens ^XA twice`);
    if (!/^\s*\^[A-Z0-9@]{2}/.test(body)) problems.push(`format ${i + 1} does not start with a command`);
    if (!body.includes('^FD') || !body.includes('^FS')) problems.push(`format ${i + 1} has no field`);
  }
  return problems;
}

export async function startFakePrinter(): Promise<FakePrinter> {
  const printer: FakePrinter = {
    host: '127.0.0.1',
    port: 0,
    formats: [],
    jobs: [],
    receivedAt: [],
    statusQueries: 0,
    state: { isPaperOut: false, isPaused: false, isSilent: false },
    waitForFormats: async (count, timeoutMs = 10_000) => {
      const started = Date.now();
      while (printer.formats.length < count) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`printer got ${printer.formats.length} of ${count} labels`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return printer.formats;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      if (received.includes('~HS')) {
        printer.statusQueries += 1;
        received = received.replace('~HS', '');
        if (!printer.state.isSilent) socket.write(hostStatus(printer.state, 0));
      }
    });
    socket.on('end', () => {
      if (received.trim() !== '') {
        printer.jobs.push(received);
        printer.formats.push(...splitFormats(received));
        printer.receivedAt.push(performance.now());
      }
      socket.end();
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  const originalClose = printer.close;
  printer.close = () => {
    for (const s of sockets) s.destroy();
    return originalClose();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address && typeof address === 'object') printer.port = address.port;
  return printer;
}
