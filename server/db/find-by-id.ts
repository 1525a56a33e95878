import type { EntityName, FindOneOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';

/**
 * Finds a row by an id that came from outside. An id that is not a UUID names nothing, and is
 * answered as "not found" rather than passed to PostgreSQL, which would reject it as an error.
 */
export async function findById<T extends object, P extends string = never>(
  em: EntityManager,
  entity: EntityName<T>,
  id: string,
  options?: FindOneOptions<T, P>,
) {
  if (!isUUID(id, 'all')) return null;
  return em.findOne(entity, { id } as never, options);
}
