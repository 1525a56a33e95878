import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { FundRole } from '../shared/domain.ts';
import type { Config } from './config.ts';
import type { Loaders } from './loaders.ts';
import type { BankVault } from './modules/bank/bank-vault.ts';
import type { Mailer } from './modules/notifications/mailer.ts';
import type { User } from './modules/users/user.entity.ts';

/** The signed-in person and the roles they hold, loaded once per request. */
export interface Viewer {
  user: User;
  sessionId: string;
  roles: ReadonlyMap<string, ReadonlySet<FundRole>>;
}

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  req: Request;
  res: Response;
  config: Config;
  mailer: Mailer;
  vault: BankVault;
  loaders: Loaders;
}
