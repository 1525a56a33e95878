import { EMAIL_STATUS_LABELS } from '../../../../../shared/domain.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Tag } from '../../../components/tag.tsx';
import { useOutbox } from '../api/outbox.ts';

/** Lets the demo work with no mail server: coordinators read what would have been emailed. */
export function OutboxPage() {
  usePageTitle('Outbox');
  const { data, error, isPending } = useOutbox();
  return (
    <>
      <h1 className="app-heading-l">Outbox</h1>
      <p className="app-body">The latest emails the portal has written. Without a mail server they wait here instead of being sent.</p>
      {isPending ? <p className="app-body" role="status">Loading…</p> : null}
      {error ? <p className="app-body" role="alert">{error.message}</p> : null}
      {data?.outbox.length === 0 ? <p className="app-body">No emails yet.</p> : null}
      {data?.outbox.map((email) => (
        <article className="app-email" key={email.id} aria-labelledby={`email-${email.id}`}>
          <h2 className="app-heading-s" id={`email-${email.id}`}>
            {email.subject}
          </h2>
          <p className="app-caption">
            To {email.toAddress} · {formatLondonDateTime(new Date(email.createdAt))} · <Tag colour={email.status === 'FAILED' ? 'red' : email.status === 'SENT' ? 'green' : 'grey'}>{EMAIL_STATUS_LABELS[email.status]}</Tag>
          </p>
          <pre className="app-email__body">{linkify(email.body)}</pre>
        </article>
      ))}
    </>
  );
}

function linkify(body: string) {
  return body.split(/(https?:\/\/\S+)/).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
