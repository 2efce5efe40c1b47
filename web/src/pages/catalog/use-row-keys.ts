import { useRef } from 'react';

let next = 0;

/**
 * Stable React keys for the rows of an editable list whose items carry no id: a removed row takes its
 * key (and its input's state) with it instead of handing it to the row below.
 */
export function useRowKeys(length: number) {
  const keys = useRef<number[]>([]);
  // A list replaced from outside (a reset) gets fresh keys; an added row gets one at the end.
  while (keys.current.length < length) keys.current.push(next++);
  if (keys.current.length > length) keys.current = keys.current.slice(0, length);
  return {
    keys: keys.current,
    remove(index: number) {
      keys.current = keys.current.filter((_, i) => i !== index);
    },
  };
}
