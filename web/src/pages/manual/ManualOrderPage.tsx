import { useState } from 'react';
import { ApiError, call, client } from '../../api.js';
import { Link } from '../../components/Link.js';
import { t } from '../../i18n.js';
import { ImportForm } from './ImportForm.js';

interface Line {
  key: string;
  code: string;
  sku: string | null;
  quantity: number;
  unitPrice: string;
}

/**
 * The desk's order form (phone, trade, click-and-collect) and the file import. The item field takes a
 * typed SKU or a scanned EAN (a keyboard-wedge scanner types the digits and Enter); it is looked up in
 * stock so the line shows what it is before the order is sent.
 */
export function ManualOrderPage() {
  const [lines, setLines] = useState<Line[]>([]);
  const [code, setCode] = useState('');
  const [form, setForm] = useState({
    reference: '',
    name: '',
    line1: '',
    postalCode: '',
    city: '',
    country: 'FR',
    currency: 'EUR',
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string; orderId?: string } | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  async function addItem() {
    const q = code.trim();
    if (!q) return;
    const found = await call(client.api.stock.$get({ query: { q } }));
    const match = found.find((p) => p.sku === q || p.barcodes.includes(q)) ?? null;
    setLines([
      ...lines,
      { key: crypto.randomUUID(), code: q, sku: match?.sku ?? null, quantity: 1, unitPrice: '' },
    ]);
    setCode('');
  }

  async function submit() {
    try {
      const res = await call(
        client.api['manual-orders'].$post({
          json: {
            ...(form.reference.trim() ? { reference: form.reference.trim() } : {}),
            buyer: { name: form.name },
            shipTo: {
              name: form.name,
              line1: form.line1,
              postalCode: form.postalCode,
              city: form.city,
              countryCode: form.country,
            },
            currency: form.currency,
            lines: lines.map((l) => ({
              ...(/^\d{8,14}$/.test(l.code) ? { ean: l.code } : { sku: l.code }),
              quantity: l.quantity,
              unitPrice: l.unitPrice.replace(',', '.'),
            })),
          },
        }),
      );
      setMessage({
        ok: true,
        text: t(res.isReplay ? 'manualReplay' : 'manualCreated', { reference: res.reference }),
        orderId: res.orderId,
      });
      setLines([]);
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.detail : String(err) });
    }
  }

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('manualTitle')}</h1>
        <p className="muted">{t('manualHint')}</p>
      </div>
      <form
        className="stack"
        data-testid="manual-order-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          {t('manualReference')}
          <input value={form.reference} onChange={set('reference')} placeholder="MAN-…" />
        </label>
        <label className="field">
          {t('manualRecipient')}
          <input required value={form.name} onChange={set('name')} />
        </label>
        <label className="field">
          {t('manualAddress')}
          <input required value={form.line1} onChange={set('line1')} />
        </label>
        <div className="row">
          <label className="field">
            {t('manualPostalCode')}
            <input required value={form.postalCode} onChange={set('postalCode')} />
          </label>
          <label className="field">
            {t('manualCity')}
            <input required value={form.city} onChange={set('city')} />
          </label>
          <label className="field">
            {t('manualCountry')}
            <input required maxLength={2} value={form.country} onChange={set('country')} />
          </label>
          <label className="field">
            {t('manualCurrency')}
            <input required maxLength={3} value={form.currency} onChange={set('currency')} />
          </label>
        </div>
        <label className="field">
          {t('manualItem')}
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void addItem();
              }
            }}
            placeholder={t('manualItemHint')}
            data-testid="manual-item"
          />
        </label>
        {lines.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th>{t('manualItem')}</th>
                <th className="num">{t('units')}</th>
                <th className="num">{t('manualUnitPrice')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={l.key}>
                  <td>{l.sku ?? `${l.code} — ${t('manualUnknownItem')}`}</td>
                  <td className="num">
                    <input
                      type="number"
                      min={1}
                      value={l.quantity}
                      onChange={(e) =>
                        setLines(
                          lines.map((x, j) => (j === i ? { ...x, quantity: Number(e.target.value) } : x)),
                        )
                      }
                    />
                  </td>
                  <td className="num">
                    <input
                      required
                      inputMode="decimal"
                      value={l.unitPrice}
                      onChange={(e) =>
                        setLines(lines.map((x, j) => (j === i ? { ...x, unitPrice: e.target.value } : x)))
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <button type="submit" className="button" disabled={lines.length === 0}>
          {t('manualSubmit')}
        </button>
        {message ? (
          <p className={message.ok ? 'notice' : 'notice notice-error'} role="status">
            {message.text}{' '}
            {message.orderId ? <Link href={`/orders/${message.orderId}`}>{t('manualOpenOrder')}</Link> : null}
          </p>
        ) : null}
      </form>
      <ImportForm />
    </main>
  );
}
