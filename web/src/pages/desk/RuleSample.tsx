import { useState } from 'react';
import { call, client, type SuccessBody } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';
import { type RuleDraft, toRuleInput } from './rule-draft.js';

type DryRun = SuccessBody<Awaited<ReturnType<(typeof client.api)['shipping-rules']['test']['$post']>>>;

/** Tries the rule being edited on an existing order, or on one described here, without saving. */
export function RuleSample({ draft }: { draft: RuleDraft }) {
  const [orderId, setOrderId] = useState('');
  const [sample, setSample] = useState({
    countryCode: 'FR',
    postalCode: '',
    weightGrams: '1000',
    valueMinor: '2000',
    skus: '',
    serviceLevel: '',
    hasRelayPoint: false,
  });
  const [result, setResult] = useState<DryRun | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const field = (
    key: 'countryCode' | 'postalCode' | 'weightGrams' | 'valueMinor' | 'skus' | 'serviceLevel',
    label: string,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={sample[key]}
        onChange={(e) => setSample((s) => ({ ...s, [key]: e.target.value }))}
        data-testid={`sample-${key}`}
      />
    </label>
  );

  const test = async () => {
    setError(null);
    setResult(null);
    try {
      const rule = { ...toRuleInput(draft), ...(draft.id ? { id: draft.id } : {}) };
      const body = orderId.trim()
        ? { rule, sample: { orderId: orderId.trim() } }
        : {
            rule,
            sample: {
              facts: {
                channelId: draft.channelIds[0] ?? null,
                serviceLevel: sample.serviceLevel.trim() || null,
                countryCode: sample.countryCode.trim().toUpperCase(),
                postalCode: sample.postalCode.trim() || '00000',
                hasRelayPoint: sample.hasRelayPoint,
                weightGrams: Math.max(0, Math.round(Number(sample.weightGrams) || 0)),
                valueMinor: Math.max(0, Math.round(Number(sample.valueMinor) || 0)),
                skus: sample.skus
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              },
            },
          };
      setResult(await call(client.api['shipping-rules'].test.$post({ json: body })));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  return (
    <fieldset className="card" data-testid="rule-sample">
      <legend>{t('rulesSample')}</legend>
      <label className="field">
        <span>{t('rulesSampleOrder')}</span>
        <input value={orderId} onChange={(e) => setOrderId(e.target.value)} data-testid="sample-orderId" />
      </label>
      <div className="form-row">
        {field('countryCode', t('rulesSampleCountry'))}
        {field('postalCode', t('rulesSamplePostcode'))}
        {field('weightGrams', t('rulesSampleWeight'))}
        {field('valueMinor', t('rulesSampleValue'))}
      </div>
      <div className="form-row">
        {field('skus', t('rulesSampleSkus'))}
        {field('serviceLevel', t('rulesSampleServiceLevel'))}
        <label className="field-inline">
          <input
            type="checkbox"
            checked={sample.hasRelayPoint}
            onChange={(e) => setSample((s) => ({ ...s, hasRelayPoint: e.target.checked }))}
          />
          {t('rulesSampleRelay')}
        </label>
      </div>
      <button type="button" className="button" onClick={() => void test()} data-testid="rule-test">
        {t('rulesTest')}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
      {result ? (
        <div data-testid="rule-test-result">
          <p className={result.isMatch ? 'notice' : 'notice notice-error'} data-testid="rule-test-match">
            {result.isMatch ? t('rulesMatches') : t('rulesNoMatch')}
          </p>
          <ul className="plain-list">
            {result.checks.map((c) => (
              <li key={c.condition}>
                {c.isMet ? '✓' : '✗'} {c.condition}: {c.actual}
              </li>
            ))}
          </ul>
          <p data-testid="rule-test-winner">
            {result.winner.ruleName
              ? t('rulesWinner', { name: result.winner.ruleName, service: result.winner.serviceCode })
              : t('rulesWinnerDefault')}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
