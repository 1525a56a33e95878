// Writes shared/schema.graphql from the resolvers; web types are generated from that file.
import 'reflect-metadata';
import { emitSchema } from '../server/schema.ts';

await emitSchema('shared/schema.graphql');
console.log('Wrote shared/schema.graphql');
