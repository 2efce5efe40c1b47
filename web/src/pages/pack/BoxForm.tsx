import { useEffect, useState } from 'react';
import { call, client } from '../../api.js';
import { t, tCode } from '../../i18n.js';
import type { PackBox } from './pack-types.js';

export interface BoxInput {
  packagingCode: string;
  /** As typed or read from the scale, in kilograms; empty: the catalogue weights are used. */
  weightKg: string;
  dims: { length: number; width: number; height: number } | null;
}

interface PackagingType {
  code: string;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

/** The open parcel: its packaging from the list, its weight (typed or from the scale) and its size. */
export function BoxForm(props: {
  box: PackBox;
  value: BoxInput;
  onChange: (next: BoxInput) => void;
  canClose: boolean;
  onClose: () => void;
}) {
  const { box, value, onChange } = props;
  const [types, setTypes] = useState<PackagingType[]>([]);
  useEffect(() => {
    void call(client.api.pack['packaging-types'].$get()).then(setTypes, () => setTypes([]));
  }, []);
  const units = box.lines.reduce((n, l) => n + l.quantity, 0);
  const isCustom = value.packagingCode === 'custom';
  const dims = value.dims ?? { length: 0, width: 0, height: 0 };
  const setDim = (key: 'length' | 'width' | 'height', raw: string) =>
    onChange({ ...value, dims: { ...dims, [key]: Math.max(0, Math.round(Number(raw) || 0)) } });
  return (
    <section className="pack-box" data-testid="pack-box" data-box-id={box.id} data-seq={box.seq}>
      <h2>
        {t('packOpenParcel', { seq: box.seq })} <span data-testid="pack-box-units">({units})</span>
      </h2>
      <label>
        {t('packPackaging')}
        <select
          data-testid="pack-packaging"
          value={value.packagingCode}
          onChange={(e) => onChange({ ...value, packagingCode: e.target.value, dims: null })}
        >
          {types.map((p) => (
            <option key={p.code} value={p.code}>
              {tCode('packaging', p.code)}
              {p.lengthCm ? ` ${p.lengthCm}×${p.widthCm}×${p.heightCm}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('packWeight')}
        <input
          data-testid="pack-weight"
          inputMode="decimal"
          value={value.weightKg}
          onChange={(e) => onChange({ ...value, weightKg: e.target.value })}
        />
      </label>
      {isCustom && (
        <fieldset className="pack-dims">
          <legend>{t('packDimensions')}</legend>
          {(['length', 'width', 'height'] as const).map((key) => (
            <input
              key={key}
              data-testid={`pack-dim-${key}`}
              inputMode="numeric"
              value={dims[key] || ''}
              onChange={(e) => setDim(key, e.target.value)}
            />
          ))}
        </fieldset>
      )}
      {props.canClose && (
        <button type="button" className="button button-big" data-testid="pack-close" onClick={props.onClose}>
          {t('packCloseParcel')}
        </button>
      )}
    </section>
  );
}
