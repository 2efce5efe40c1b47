import { t } from '../../i18n.js';
import { dueTarget, type WaveStep } from '../../offline/wave-cache.js';
import type { Phase, PickMode } from './pick-flow.js';

/** One step, readable at arm's length: the bin in big letters, the product, how many, and the next scan. */
export function StepScreen(props: {
  step: WaveStep;
  mode: PickMode;
  phase: Phase;
  message: { text: string; isError: boolean } | null;
  isBulk: boolean;
  onBulk: () => void;
}) {
  const { step } = props;
  const target = dueTarget(step);
  const prompt =
    props.phase === 'bin'
      ? t('pickScanBin')
      : props.phase === 'item'
        ? t('pickScanItem')
        : t('pickScanTote', { tote: target?.toteCode ?? '' });
  return (
    <section className="pick-step" data-testid="pick-step" data-step-key={step.key}>
      <p className="pick-bin" data-testid="step-bin">
        {step.binCode}
      </p>
      <div className="pick-product">
        {step.imageUrl && <img src={step.imageUrl} alt="" className="pick-image" />}
        <div>
          <p className="pick-name" data-testid="step-name">
            {step.name}
          </p>
          <p className="muted">{step.sku}</p>
        </div>
      </div>
      <p className="pick-quantity" data-testid="step-remaining" data-remaining={step.remaining}>
        {t('pickRemaining', { remaining: step.remaining, quantity: step.quantity })}
      </p>
      {props.mode !== 'single' && target && (
        <p className="pick-target" data-testid="step-target">
          {props.mode === 'cluster' && target.toteCode
            ? target.toteCode
            : t('pickForSlot', { slot: target.slot })}
        </p>
      )}
      <p
        className={`pick-prompt pick-prompt-${props.phase}`}
        data-testid="step-prompt"
        data-phase={props.phase}
      >
        {prompt}
      </p>
      {props.message && (
        <p
          className={props.message.isError ? 'notice notice-error pick-message' : 'notice pick-message'}
          data-testid="scan-message"
          role="status"
        >
          {props.message.text}
        </p>
      )}
      {step.remaining > 1 && props.phase === 'item' && (
        <button
          type="button"
          className={props.isBulk ? 'button button-big button-primary' : 'button button-big'}
          data-testid="bulk-toggle"
          aria-pressed={props.isBulk}
          onClick={props.onBulk}
        >
          {t('pickBulk', { remaining: props.mode === 'cluster' ? (target?.remaining ?? 1) : step.remaining })}
        </button>
      )}
    </section>
  );
}
