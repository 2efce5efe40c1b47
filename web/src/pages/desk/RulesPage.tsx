import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';
import { RuleForm } from './RuleForm.js';
import { emptyDraft, fromRule, type RuleDraft } from './rule-draft.js';

/** The ordered shipping rules, edited in place and tried on a sample order before saving. */
export function RulesPage() {
  const rules = usePolling(() => call(client.api['shipping-rules'].$get()), 'shipping-rules');
  const [editing, setEditing] = useState<RuleDraft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const options = rules.data?.options;

  const act = async (work: () => Promise<string | null>) => {
    setError(null);
    try {
      setMessage(await work());
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
    rules.reload();
  };

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('rulesTitle')}</h1>
        <p className="muted">{t('rulesHint')}</p>
      </div>
      {rules.error ? <ErrorNotice error={rules.error} onRetry={rules.reload} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {message ? (
        <p className="notice" role="status" data-testid="rules-message">
          {message}
        </p>
      ) : null}
      {editing && options ? (
        <RuleForm
          key={editing.id ?? 'new'}
          initial={editing}
          options={options}
          onDone={(saved) => {
            setEditing(null);
            setMessage(saved ? t('rulesSaved') : null);
            rules.reload();
          }}
        />
      ) : (
        <div className="form-row">
          <button
            type="button"
            className="button button-primary"
            disabled={!options}
            onClick={() => options && setEditing(emptyDraft(options.selfIssued.serviceCode))}
            data-testid="rule-new"
          >
            {t('rulesNew')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void act(async () => {
                const done = await call(client.api['shipping-rules'].apply.$post({ json: {} }));
                return t('rulesApplied', { count: done.decided });
              })
            }
          >
            {t('rulesApplyOpen')}
          </button>
        </div>
      )}
      {rules.data?.rules.length === 0 ? <p className="muted">{t('rulesNone')}</p> : null}
      <ol className="card plain-list" data-testid="rules-list">
        {rules.data?.rules.map((rule) => {
          const account = options?.carrierAccounts.find((a) => a.id === rule.carrierAccountId);
          return (
            <li key={rule.id} data-testid="rule">
              <strong>
                {rule.position}. {rule.name}
              </strong>{' '}
              {rule.isEnabled ? null : <span className="badge">off</span>}
              <span className="muted small">
                {' '}
                {Object.entries(rule.conditions)
                  .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
                  .join(' · ') || '*'}{' '}
                → {account?.name ?? options?.selfIssued.name} / {rule.serviceCode}
                {rule.packaging ? ` / ${rule.packaging}` : ''}
              </span>{' '}
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setEditing(fromRule(rule))}
              >
                {t('rulesEdit')}
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() =>
                  void act(async () => {
                    await call(client.api['shipping-rules'][':id'].$delete({ param: { id: rule.id } }));
                    return null;
                  })
                }
              >
                {t('rulesDelete')}
              </button>
            </li>
          );
        })}
      </ol>
    </main>
  );
}
