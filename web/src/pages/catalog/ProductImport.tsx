import { useEffect, useState } from 'react';
import { type ApiError, call, client, type SuccessBody } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';
import { ImportReport } from './ImportReport.js';
import { useRowKeys } from './use-row-keys.js';

type Mapping = SuccessBody<
  Awaited<ReturnType<(typeof client.api.catalog)['import-mappings']['$get']>>
>[number];
export type ProductImportResult = SuccessBody<
  Awaited<ReturnType<typeof client.api.catalog.products.import.$post>>
>;

/** The product fields an ERP column can fill, in the order a merchant thinks of them. */
const fields = [
  'sku',
  'name',
  'ean',
  'parentSku',
  'category',
  'brand',
  'description',
  'basePrice',
  'cost',
  'publicPrice',
  'currency',
  'weightGrams',
  'condition',
  'leadTimeDays',
  'images',
] as const;
const required = new Set(['sku', 'name', 'basePrice']);

/** The header of a CSV, read in the browser to offer its columns (XLSX headers are typed by hand). */
async function csvHeader(file: File): Promise<string[]> {
  if (!/\.(csv|txt)$/i.test(file.name)) return [];
  const first = (await file.slice(0, 64 * 1024).text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const separator = [';', '\t', ','].find((s) => first.includes(s)) ?? ';';
  return first
    .split(separator)
    .map((h) => h.trim().replace(/^"(.*)"$/, '$1'))
    .filter(Boolean);
}

/** ERP import: a file, a column mapping (saved or edited here), and the per-line report. */
export function ProductImport({ onImported }: { onImported: () => void }) {
  const [mappings, setMappings] = useState<Mapping[]>([]);
  const [mappingId, setMappingId] = useState('');
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [attributes, setAttributes] = useState<{ name: string; column: string }[]>([]);
  const [isEdited, setIsEdited] = useState(false);
  const attributeKeys = useRowKeys(attributes.length);
  const [saveName, setSaveName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [report, setReport] = useState<ProductImportResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const loadMappings = async (select?: string) => {
    const list = await call(client.api.catalog['import-mappings'].$get());
    setMappings(list);
    const chosen = list.find((m) => m.id === select) ?? (select === undefined ? list[0] : undefined);
    if (chosen) choose(chosen);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once, on mount.
  useEffect(() => {
    loadMappings().catch((err) => setError(err as Error));
  }, []);

  function choose(m: Mapping | undefined) {
    setMappingId(m?.id ?? '');
    const plain: Record<string, string> = {};
    const attrs: { name: string; column: string }[] = [];
    for (const [field, column] of Object.entries(m?.columns ?? {})) {
      if (field.startsWith('attr:')) attrs.push({ name: field.slice(5), column });
      else plain[field] = column;
    }
    setColumns(plain);
    setAttributes(attrs);
    setIsEdited(false);
  }

  const edit = (change: () => void) => {
    change();
    setIsEdited(true);
  };

  async function pickFile(f: File | null) {
    setFile(f);
    setReport(null);
    const found = f ? await csvHeader(f) : [];
    setHeader(found);
    // A column named like the field fills an empty mapping by itself.
    if (found.length && Object.keys(columns).length === 0) {
      const guessed: Record<string, string> = {};
      for (const field of fields) {
        const match = found.find((h) => h.toLowerCase() === field.toLowerCase());
        if (match) guessed[field] = match;
      }
      if (Object.keys(guessed).length) edit(() => setColumns(guessed));
    }
  }

  const mappingBody = () => {
    const all: Record<string, string> = {};
    for (const [field, column] of Object.entries(columns)) if (column.trim()) all[field] = column.trim();
    for (const a of attributes)
      if (a.name.trim() && a.column.trim()) all[`attr:${a.name.trim().toLowerCase()}`] = a.column.trim();
    return { columns: all, defaults: {} };
  };

  async function run(work: () => Promise<void>) {
    setError(null);
    setMessage(null);
    setIsBusy(true);
    try {
      await work();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setIsBusy(false);
    }
  }

  const upload = () =>
    run(async () => {
      if (!file) return;
      const form =
        mappingId && !isEdited ? { file, mappingId } : { file, mapping: JSON.stringify(mappingBody()) };
      setReport(await call(client.api.catalog.products.import.$post({ form })));
      onImported();
    });

  const save = () =>
    run(async () => {
      const saved = await call(
        client.api.catalog['import-mappings'].$post({ json: { name: saveName.trim(), ...mappingBody() } }),
      );
      await loadMappings(saved.id);
      setSaveName('');
      setMessage(t('catMappingSaved', { name: saved.name }));
    });

  const columnList = header.length ? 'cat-import-columns' : undefined;
  return (
    <section className="card cat-section" data-testid="product-import">
      <h2>{t('catImportTitle')}</h2>
      <p className="muted">{t('catImportHint')}</p>
      <div className="cat-grid">
        <label className="field">
          {t('catImportFile')}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            onChange={(e) => void pickFile(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
        </label>
        <label className="field">
          {t('importMapping')}
          <select
            value={mappingId}
            onChange={(e) => choose(mappings.find((m) => m.id === e.target.value))}
            data-testid="import-mapping"
          >
            <option value="">{t('catMappingNew')}</option>
            {mappings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {columnList ? (
        <datalist id={columnList}>
          {header.map((h) => (
            <option key={h} value={h} />
          ))}
        </datalist>
      ) : null}
      <details className="cat-mapping" open={!mappingId || isEdited}>
        <summary>
          {t('catMappingColumns')}
          {isEdited && mappingId ? <span className="muted"> — {t('catMappingEdited')}</span> : null}
        </summary>
        <div className="cat-grid">
          {fields.map((field) => (
            <label key={field} className="field">
              <span>
                {t(`catField.${field}`)}
                {required.has(field) ? ' *' : ''}
              </span>
              <input
                value={columns[field] ?? ''}
                list={columnList}
                onChange={(e) => edit(() => setColumns({ ...columns, [field]: e.target.value }))}
                data-testid={`map-${field}`}
              />
            </label>
          ))}
        </div>
        <h3 className="cat-subhead">{t('catMappingAttributes')}</h3>
        {attributes.map((a, i) => (
          <div className="cat-row" key={attributeKeys.keys[i]}>
            <label className="field">
              {t('catAttributeName')}
              <input
                value={a.name}
                onChange={(e) =>
                  edit(() =>
                    setAttributes(attributes.map((x, j) => (j === i ? { ...x, name: e.target.value } : x))),
                  )
                }
                data-testid={`attr-name-${i}`}
              />
            </label>
            <label className="field">
              {t('catAttributeColumn')}
              <input
                value={a.column}
                list={columnList}
                onChange={(e) =>
                  edit(() =>
                    setAttributes(attributes.map((x, j) => (j === i ? { ...x, column: e.target.value } : x))),
                  )
                }
                data-testid={`attr-column-${i}`}
              />
            </label>
            <button
              type="button"
              className="button"
              onClick={() => {
                attributeKeys.remove(i);
                edit(() => setAttributes(attributes.filter((_, j) => j !== i)));
              }}
            >
              {t('catRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => edit(() => setAttributes([...attributes, { name: '', column: '' }]))}
          data-testid="attr-add"
        >
          {t('catAttributeAdd')}
        </button>
        <div className="cat-row">
          <label className="field">
            {t('catMappingSaveAs')}
            <input
              value={saveName}
              onChange={(e) => setSaveName(e.target.value)}
              data-testid="mapping-name"
            />
          </label>
          <button
            type="button"
            className="button"
            disabled={isBusy || !saveName.trim()}
            onClick={() => void save()}
            data-testid="mapping-save"
          >
            {t('catMappingSave')}
          </button>
        </div>
      </details>
      <div>
        <button
          type="button"
          className="button button-primary"
          disabled={isBusy || !file}
          onClick={() => void upload()}
          data-testid="import-submit"
        >
          {isBusy ? t('catWorking') : t('importSubmit')}
        </button>
      </div>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {report ? <ImportReport report={report} /> : null}
    </section>
  );
}
