import type { PaperFormat, SlipBlock, SlipContent, SlipField, SlipMaterialRow } from '../../shared/model/slip.ts';
import { fill } from '../../shared/rules/slips/paper.ts';
import { qrSvg } from './qr.ts';

// The slip's layout: every word comes from the SlipContent (stored in its slip.printed event), so this component
// decides only where things go. A4 has a materials table and the signature stub below a cut line; the 80 mm
// receipt stacks everything in one column.

export interface Reprint {
  /** 1 for the first reprint. */
  readonly n: number;
  /** The day of this reprint (the content keeps the day of issue). */
  readonly on: string;
}

function Fields({ fields, colon }: { fields: readonly SlipField[]; colon: string }) {
  return (
    <dl className="fields">
      {fields.map((f, i) => [
        <dt key={`t${i}`} className="field-label">
          {f.label}
          {colon}
        </dt>,
        <dd key={`d${i}`}>{f.value || '—'}</dd>,
      ])}
    </dl>
  );
}

function MaterialsTable({ block }: { block: Extract<SlipBlock, { type: 'materials' }> }) {
  const { columns, rows } = block;
  return (
    <table className="materials">
      <colgroup>
        <col className="no" />
        <col className="name" />
        <col className="copies" />
        <col className="format" />
        <col className="notes" />
      </colgroup>
      <thead>
        <tr>
          <th>{columns.no}</th>
          <th>{columns.name}</th>
          <th>{columns.copies}</th>
          <th>{columns.format}</th>
          <th>{columns.notes}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td>{i + 1}</td>
            <td>
              {row.name}
              {row.requirement && <span className="requirement">{row.requirement}</span>}
            </td>
            <td>{row.copies}</td>
            <td>{row.format}</td>
            <td>
              {row.notes.map((note, j) => (
                <span className="material-note" key={j}>
                  {note}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MaterialsStack({ block, colon }: { block: Extract<SlipBlock, { type: 'materials' }>; colon: string }) {
  const line = (label: string, text: string) =>
    text ? (
      <span className="line">
        {label}
        {colon}
        {text}
      </span>
    ) : null;
  return (
    <div className="materials">
      {block.rows.map((row: SlipMaterialRow, i) => (
        <div className="material" key={i}>
          <span className="name">
            {i + 1}. {row.name}
          </span>
          {row.requirement && <span className="line">{row.requirement}</span>}
          {line(block.columns.copies, row.copies)}
          {line(block.columns.format, row.format)}
          {row.notes.map((note, j) => (
            <span className="line" key={j}>
              {block.columns.notes}
              {colon}
              {note}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}

function Block({ block, format, colon }: { block: SlipBlock; format: PaperFormat; colon: string }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'notice':
      return <p className="notice">{block.text}</p>;
    case 'fields':
      return <Fields fields={block.fields} colon={colon} />;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{item}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'materials':
      return format === 'a4' ? <MaterialsTable block={block} /> : <MaterialsStack block={block} colon={colon} />;
  }
}

export function SlipDocument({
  content,
  format,
  reprint,
}: {
  content: SlipContent;
  format: PaperFormat;
  reprint?: Reprint | undefined;
}) {
  const { labels } = content;
  const meta: SlipField[] = [
    { label: labels.serial, value: content.serial },
    { label: labels.issuedOn, value: content.issuedOn },
    ...(content.catalog
      ? [
          {
            label: labels.item,
            value: fill(labels.itemWithRev, { item: content.catalog.itemName, rev: content.catalog.rev }),
          },
        ]
      : []),
    { label: labels.applicant, value: content.applicant.name },
    ...(content.applicant.phoneMasked ? [{ label: labels.phone, value: content.applicant.phoneMasked }] : []),
  ];
  const contacts: SlipField[] = [
    { label: labels.staff, value: content.staff.name },
    { label: labels.staffPhone, value: content.staff.phone },
    { label: labels.consultPhone, value: content.consultPhone },
    { label: labels.complaintPhone, value: content.complaintPhone },
  ];
  return (
    <article className={`sheet ${format}`} data-serial={content.serial}>
      <header>
        <p className="bureau">{content.bureauName}</p>
        <h1 className="title">{content.title}</h1>
        {reprint && (
          <p className="reprint" data-testid="slip-reprint">
            {fill(labels.reprint, { n: reprint.n })} · {reprint.on}
          </p>
        )}
        <div className="head">
          <div className="meta">
            <Fields fields={meta} colon={labels.colon} />
          </div>
          <div className="qr">
            {/* Markup of numbers only: the payload feeds the QR encoder and never reaches the SVG as text. */}
            <div dangerouslySetInnerHTML={{ __html: qrSvg(content.qr.payload) }} />
            <p className="qr-caption">{content.qr.caption}</p>
          </div>
        </div>
      </header>
      <p className="addressee">{content.addressee}</p>
      {content.intro && <p className="intro">{content.intro}</p>}
      {content.sections.map((section, i) => (
        <section key={i}>
          {section.heading && <h2>{section.heading}</h2>}
          {section.blocks.map((block, j) => (
            <Block block={block} format={format} colon={labels.colon} key={j} />
          ))}
        </section>
      ))}
      {content.closing.map((text, i) => (
        <p className="closing" key={i}>
          {text}
        </p>
      ))}
      <footer className="foot">
        <Fields fields={contacts} colon={labels.colon} />
        <div className="signature">
          <p>{content.bureauName}</p>
          <p className="seal">{labels.seal}</p>
          <p>{content.issuedOn}</p>
        </div>
      </footer>
      <div className="keep">
        <div className="cut">
          <span>{labels.cutLine}</span>
        </div>
        <section className="stub">
          <p className="stub-heading">{content.stub.heading}</p>
          <Fields fields={content.stub.fields} colon={labels.colon} />
          <p className="acknowledgement">{content.stub.acknowledgement}</p>
          <p className="sign">{content.stub.sign}</p>
        </section>
      </div>
    </article>
  );
}
