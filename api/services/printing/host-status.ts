/**
 * The answer to `~HS` (ZPL II "Host Status Return"): three <STX>…<ETX><CR><LF> strings of comma-separated
 * flags. String 1: aaa,b(paper out),c(pause),dddd(label length),eee(formats in buffer),f(buffer full),
 * g,h(partial format),iii,j(corrupt RAM),k(under temp),l(over temp). String 2: mmm,n,o(head up),
 * p(ribbon out),q(thermal transfer),r(print mode),s,t(label waiting),uuuuuuuu(labels remaining),v,www.
 */
export interface HostStatus {
  isPaperOut: boolean;
  isPaused: boolean;
  isHeadOpen: boolean;
  isRibbonOut: boolean;
  isBufferFull: boolean;
  formatsInBuffer: number;
  labelsRemaining: number;
  /** What stops printing now, in words; empty when the printer is ready. */
  problems: string[];
}

const STX = '\u0002';
const ETX = '\u0003';

/** True once the three strings of a `~HS` answer have arrived. */
export function isHostStatusComplete(received: Buffer): boolean {
  return received.toString('latin1').split(ETX).length > 3;
}

export function parseHostStatus(raw: Buffer | string): HostStatus | null {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  const strings = text
    .split(ETX)
    .map((s) => s.slice(s.indexOf(STX) + 1).trim())
    .filter((s) => s !== '');
  const one = strings[0]?.split(',');
  const two = strings[1]?.split(',');
  if (!one || one.length < 12 || !two || two.length < 11) return null;
  const flag = (value: string | undefined) => value?.trim() === '1';
  const status = {
    isPaperOut: flag(one[1]),
    isPaused: flag(one[2]),
    isBufferFull: flag(one[5]),
    formatsInBuffer: Number.parseInt(one[4] ?? '0', 10) || 0,
    isHeadOpen: flag(two[2]),
    isRibbonOut: flag(two[3]),
    labelsRemaining: Number.parseInt(two[8] ?? '0', 10) || 0,
  };
  const problems = [
    status.isPaperOut && 'out of labels',
    status.isPaused && 'paused',
    status.isHeadOpen && 'head open',
    status.isRibbonOut && 'ribbon out',
    status.isBufferFull && 'receive buffer full',
  ].filter((p): p is string => typeof p === 'string');
  return { ...status, problems };
}
