import type { ReactNode } from 'react';
import { Tag } from '../../../components/tag.tsx';

export interface ApplyDocumentProps {
  title: string;
  fundName: string;
  isDemo: boolean;
  stylesheets: string[];
  /** Enhancements only: every page works without them. */
  scripts: string[];
  /** The header's name for the journey; "Apply to <fund>" unless given. */
  serviceName?: string;
  children: ReactNode;
}

/**
 * The whole HTML page for the public apply journey, rendered on the server. It works with no
 * JavaScript at all: every step is a plain form that posts and redirects.
 */
export function ApplyDocument({ title, fundName, isDemo, stylesheets, scripts, serviceName, children }: ApplyDocumentProps) {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b0c0c" />
        <title>{`${title} – ${fundName}`}</title>
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {scripts.map((src) => (
          <script key={src} type="module" src={src} />
        ))}
      </head>
      <body>
        <a className="app-skip-link" href="#main-content">
          Skip to main content
        </a>
        <header className="app-header">
          <div className="app-width-container app-header__container">
            <span className="app-header__service-name">{serviceName ?? `Apply to ${fundName}`}</span>
          </div>
        </header>
        <div className="app-width-container">
          {isDemo ? (
            <div className="app-phase-banner">
              <Tag colour="orange">Demo</Tag> <span>This is a demonstration fund. Nothing you send here reaches a real funder.</span>
            </div>
          ) : null}
          <main className="app-main" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
