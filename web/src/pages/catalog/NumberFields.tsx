import { useState } from 'react';
import { bpsText, minorText, parseBps, parseMinor } from './catalog-format.js';

interface Props<V> {
  label: string;
  value: V;
  onChange: (value: V) => void;
  testId: string;
  hint?: string;
}

/**
 * A text field over a number kept in integer units: the text is the user's while they type, the number
 * changes only when the text parses, and a bad entry is shown, not silently dropped.
 */
function TextNumber<V extends number | null>({
  label,
  value,
  onChange,
  testId,
  hint,
  show,
  parse,
}: Props<V> & { show: (v: V) => string; parse: (text: string) => V | undefined }) {
  const [text, setText] = useState(() => show(value));
  const [shown, setShown] = useState(value);
  // Another source changed the value (a reset, a saved rule): the text follows.
  if (shown !== value && parse(text) !== value) {
    setShown(value);
    setText(show(value));
  }
  const isBad = parse(text) === undefined;
  return (
    <label className="field">
      <span>{label}</span>
      <input
        inputMode="decimal"
        value={text}
        aria-invalid={isBad || undefined}
        className={isBad ? 'cat-bad' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parse(e.target.value);
          if (parsed !== undefined) {
            setShown(parsed);
            onChange(parsed);
          }
        }}
        data-testid={testId}
      />
      {hint ? <span className="muted small cat-hint">{hint}</span> : null}
    </label>
  );
}

/** An amount in minor units, typed as "4.90". */
export function MoneyField(props: Props<number>) {
  return <TextNumber {...props} show={minorText} parse={(s) => parseMinor(s) ?? undefined} />;
}

/** An amount that may be left empty (null = not set). */
export function OptionalMoneyField(props: Props<number | null>) {
  return (
    <TextNumber
      {...props}
      show={(v) => (v === null ? '' : minorText(v))}
      parse={(s) => (s.trim() === '' ? null : (parseMinor(s) ?? undefined))}
    />
  );
}

/** A rate in basis points, typed as a percentage ("15.5"); `isSigned` allows a markdown ("-10"). */
export function PercentField(props: Props<number> & { isSigned?: boolean }) {
  const { isSigned, ...rest } = props;
  return (
    <TextNumber
      {...rest}
      show={(v) => bpsText(v)}
      parse={(s) => {
        const negative = isSigned && s.trim().startsWith('-');
        const bps = parseBps(negative ? s.trim().slice(1) : s);
        return bps === null ? undefined : negative ? -bps : bps;
      }}
    />
  );
}

/** A rate that may be left empty (null = rule off). */
export function OptionalPercentField(props: Props<number | null>) {
  return (
    <TextNumber
      {...props}
      show={(v) => (v === null ? '' : bpsText(v))}
      parse={(s) => (s.trim() === '' ? null : (parseBps(s) ?? undefined))}
    />
  );
}

export function IntField(props: Props<number>) {
  return (
    <TextNumber {...props} show={String} parse={(s) => (/^\s*\d{1,6}\s*$/.test(s) ? Number(s) : undefined)} />
  );
}
