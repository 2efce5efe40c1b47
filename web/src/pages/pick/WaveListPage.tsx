import { useCallback, useEffect, useState } from 'react';
import { call, client, type SuccessBody } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { pickFeedback } from './pick-feedback.js';
import type { PickMode } from './pick-flow.js';
import { WavePlanner } from './WavePlanner.js';

type Waves = SuccessBody<Awaited<ReturnType<typeof client.api.waves.$get>>>;
const modes: { mode: PickMode; label: 'pickModeSingle' | 'pickModeBatch' | 'pickModeCluster' }[] = [
  { mode: 'single', label: 'pickModeSingle' },
  { mode: 'batch', label: 'pickModeBatch' },
  { mode: 'cluster', label: 'pickModeCluster' },
];

/** The picker's start screen: waves waiting or under way; starting one means choosing how to pick it. */
export function WaveListPage() {
  const { user } = useSession();
  const [waves, setWaves] = useState<Waves | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setWaves(await call(client.api.waves.$get()));
    } catch (err) {
      setError(err as Error);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const start = async (id: string, mode: PickMode) => {
    void pickFeedback.unlock();
    try {
      await call(client.api.waves[':id'].start.$post({ param: { id }, json: { mode } }));
      navigate(`/pick/${id}`);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <main className="page pick-page">
      <h1>{t('pickWavesTitle')}</h1>
      {user.role === 'admin' || user.role === 'desk' ? <WavePlanner onPlanned={() => void load()} /> : null}
      {error && <ErrorNotice error={error} onRetry={() => void load()} />}
      {waves?.length === 0 && <p className="notice">{t('pickNoWaves')}</p>}
      <ul className="pick-waves">
        {waves?.map((w) => (
          <li key={w.id} className="pick-wave" data-testid="wave" data-wave-id={w.id}>
            <strong>{w.name}</strong>
            <span>{t('pickUnits', { picked: w.unitsPicked, total: w.unitsTotal })}</span>
            {w.status === 'picking' ? (
              <button
                type="button"
                className="button button-big button-primary"
                data-testid="wave-continue"
                onClick={() => navigate(`/pick/${w.id}`)}
              >
                {t('pickContinue')}
              </button>
            ) : (
              <div className="pick-modes">
                <span>{t('pickStartAs')}</span>
                {modes.map((m) => (
                  <button
                    key={m.mode}
                    type="button"
                    className="button button-big"
                    data-testid={`start-${m.mode}`}
                    onClick={() => void start(w.id, m.mode)}
                  >
                    {t(m.label)}
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
