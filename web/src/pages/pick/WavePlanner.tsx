import { useState } from 'react';
import { call, client } from '../../api.js';
import { t } from '../../i18n.js';

type GroupBy = 'channel' | 'serviceLevel' | 'zone';

/**
 * The desk's side of the wave list: build waves from the ready orders, earliest ship-by first, grouped
 * and capped to what one cart carries.
 */
export function WavePlanner(props: { onPlanned: () => void }) {
  const [maxOrders, setMaxOrders] = useState(12);
  const [maxUnits, setMaxUnits] = useState(200);
  const [maxWaves, setMaxWaves] = useState(3);
  const [groupBy, setGroupBy] = useState<GroupBy[]>([]);
  const [dueTomorrowOnly, setDueTomorrowOnly] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const toggle = (g: GroupBy) =>
    setGroupBy((gs) => (gs.includes(g) ? gs.filter((x) => x !== g) : [...gs, g]));
  async function plan() {
    setMessage(null);
    const endOfTomorrow = new Date();
    endOfTomorrow.setDate(endOfTomorrow.getDate() + 2);
    endOfTomorrow.setHours(0, 0, 0, 0);
    try {
      const res = await call(
        client.api.waves.plan.$post({
          json: {
            maxOrders,
            maxUnits,
            maxWaves,
            ...(groupBy.length ? { groupBy } : {}),
            ...(dueTomorrowOnly ? { shipByBefore: endOfTomorrow.toISOString() } : {}),
          },
        }),
      );
      setMessage({ ok: true, text: t('wavesPlanned', { count: res.waveIds.length }) });
      props.onPlanned();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  }

  return (
    <section className="card" data-testid="wave-planner">
      <h2>{t('planWavesTitle')}</h2>
      <div className="pick-modes">
        <label>
          {t('planMaxOrders')}{' '}
          <input
            type="number"
            min={1}
            max={500}
            value={maxOrders}
            onChange={(e) => setMaxOrders(Number(e.target.value))}
          />
        </label>
        <label>
          {t('planMaxUnits')}{' '}
          <input
            type="number"
            min={1}
            max={100000}
            value={maxUnits}
            onChange={(e) => setMaxUnits(Number(e.target.value))}
          />
        </label>
        <label>
          {t('planMaxWaves')}{' '}
          <input
            type="number"
            min={1}
            max={50}
            value={maxWaves}
            onChange={(e) => setMaxWaves(Number(e.target.value))}
          />
        </label>
      </div>
      <div className="pick-modes">
        {(['channel', 'serviceLevel', 'zone'] as const).map((g) => (
          <label key={g}>
            <input type="checkbox" checked={groupBy.includes(g)} onChange={() => toggle(g)} />{' '}
            {t(g === 'channel' ? 'planByChannel' : g === 'serviceLevel' ? 'planByService' : 'planByZone')}
          </label>
        ))}
        <label>
          <input
            type="checkbox"
            checked={dueTomorrowOnly}
            onChange={(e) => setDueTomorrowOnly(e.target.checked)}
          />{' '}
          {t('planDueTomorrow')}
        </label>
      </div>
      <button
        type="button"
        className="button button-primary"
        data-testid="plan-waves"
        onClick={() => void plan()}
      >
        {t('planWaves')}
      </button>
      {message ? <p className={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p> : null}
    </section>
  );
}
