import { t } from '../../i18n.js';

/** A big yes/no for gloved hands: exceptions change stock, so they are never one stray tap. */
export function ConfirmDialog(props: { message: string; onYes: () => void; onNo: () => void }) {
  return (
    <div className="pick-dialog" role="alertdialog" aria-modal="true" aria-label={props.message}>
      <p>{props.message}</p>
      <div className="pick-dialog-buttons">
        <button
          type="button"
          className="button button-big button-primary"
          data-testid="confirm-yes"
          onClick={props.onYes}
        >
          {t('pickYes')}
        </button>
        <button type="button" className="button button-big" data-testid="confirm-no" onClick={props.onNo}>
          {t('pickNo')}
        </button>
      </div>
    </div>
  );
}
