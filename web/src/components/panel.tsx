import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export type NotificationBannerType = 'info' | 'success';

export interface NotificationBannerProps {
  type?: NotificationBannerType;
  /** Defaults to "Important" for info and "Success" for success. */
  title?: ReactNode;
  children: ReactNode;
  /** Success banners take focus when shown so the outcome is announced and read first. */
  disableAutoFocus?: boolean;
}

export function NotificationBanner({ type = 'info', title, children, disableAutoFocus = false }: NotificationBannerProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const isSuccess = type === 'success';

  useEffect(() => {
    if (isSuccess && !disableAutoFocus) ref.current?.focus();
  }, [isSuccess, disableAutoFocus]);

  return (
    <div
      ref={ref}
      className={isSuccess ? 'app-notification-banner app-notification-banner--success' : 'app-notification-banner'}
      role={isSuccess ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={isSuccess ? -1 : undefined}
    >
      <div className="app-notification-banner__header">
        <h2 className="app-notification-banner__title" id={titleId}>
          {title ?? (isSuccess ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="app-notification-banner__content">{children}</div>
    </div>
  );
}

export interface InsetTextProps {
  children: ReactNode;
}

export function InsetText({ children }: InsetTextProps) {
  return <div className="app-inset-text">{children}</div>;
}

export interface PanelProps {
  /** e.g. "Application submitted". */
  title: ReactNode;
  /** e.g. the reference number. */
  children?: ReactNode;
  headingLevel?: 1 | 2 | 3;
}

/** The green confirmation panel for the page shown after someone completes a form. */
export function Panel({ title, children, headingLevel = 1 }: PanelProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="app-panel">
      <Heading className="app-panel__title">{title}</Heading>
      {children ? <div className="app-panel__body">{children}</div> : null}
    </div>
  );
}
