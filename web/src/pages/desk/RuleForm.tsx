import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';
import { RuleSample } from './RuleSample.js';
import { type RuleDraft, toRuleInput } from './rule-draft.js';

export interface RuleOptions {
  channels: { id: string; name: string }[];
  carrierAccounts: { id: string; name: string; type: string }[];
  selfIssued: { name: string; serviceCode: string };
}

/** One rule: its conditions, what it ships with, and a dry run on a sample order before saving. */
export function RuleForm({
  initial,
  options,
  onDone,
}: {
  initial: RuleDraft;
  options: RuleOptions;
  onDone: (saved: boolean) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<Error | null>(null);
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof RuleDraft, label: string, testId?: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={String(draft[key] ?? '')}
        onChange={(e) => set(key, e.target.value as never)}
        data-testid={testId ?? `rule-${key}`}
      />
    </label>
  );

  const save = async () => {
    setError(null);
    try {
      const json = toRuleInput(draft);
      if (draft.id) await call(client.api['shipping-rules'][':id'].$put({ param: { id: draft.id }, json }));
      else await call(client.api['shipping-rules'].$post({ json }));
      onDone(true);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  return (
    <section className="card" data-testid="rule-form">
      {text('name', t('rulesName'))}
      <div className="form-row">
        {text('position', t('rulesPosition'))}
        <label className="field-inline">
          <input
            type="checkbox"
            checked={draft.isEnabled}
            onChange={(e) => set('isEnabled', e.target.checked)}
          />
          {t('rulesEnabled')}
        </label>
      </div>
      <h3>{t('rulesConditions')}</h3>
      <label className="field">
        <span>{t('rulesChannels')}</span>
        <select
          multiple
          value={draft.channelIds}
          onChange={(e) =>
            set(
              'channelIds',
              [...e.target.selectedOptions].map((o) => o.value),
            )
          }
          data-testid="rule-channels"
        >
          {options.channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {text('serviceLevels', t('rulesServiceLevels'))}
      {text('countries', t('rulesCountries'))}
      {text('postcodes', t('rulesPostcodes'))}
      <label className="field">
        <span>{t('rulesRelay')}</span>
        <select
          value={draft.relayPoint}
          onChange={(e) => set('relayPoint', e.target.value as RuleDraft['relayPoint'])}
          data-testid="rule-relay"
        >
          <option value="">{t('rulesRelayAny')}</option>
          <option value="required">{t('rulesRelayRequired')}</option>
          <option value="excluded">{t('rulesRelayExcluded')}</option>
        </select>
      </label>
      <div className="form-row">
        {text('minWeightGrams', t('rulesMinWeight'))}
        {text('maxWeightGrams', t('rulesMaxWeight'))}
        {text('minValueMinor', t('rulesMinValue'))}
        {text('maxValueMinor', t('rulesMaxValue'))}
      </div>
      {text('skus', t('rulesSkus'))}
      <h3>{t('rulesThen')}</h3>
      <label className="field">
        <span>{t('rulesCarrier')}</span>
        <select
          value={draft.carrierAccountId}
          onChange={(e) => set('carrierAccountId', e.target.value)}
          data-testid="rule-carrier"
        >
          <option value="">{t('rulesSelfIssued', { name: options.selfIssued.name })}</option>
          {options.carrierAccounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.type})
            </option>
          ))}
        </select>
      </label>
      <div className="form-row">
        {text('serviceCode', t('rulesService'))}
        {text('packaging', t('rulesPackaging'))}
      </div>
      <RuleSample draft={draft} />
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-row">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void save()}
          data-testid="rule-save"
        >
          {t('rulesSave')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          {t('rulesCancel')}
        </button>
      </div>
    </section>
  );
}
