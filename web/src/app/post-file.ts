import { ErrorCode, type FieldError } from '../../../shared/errors.ts';
import { ApiError } from './graphql-client.ts';

interface FileResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fields?: FieldError[] } }[];
}

/**
 * Sends a file as it is to one of the server's import routes (files run to megabytes; GraphQL requests
 * are held to 200 KB), with its name in X-File-Name. Refusals come in the GraphQL error shape, one
 * problem per field message, so they show like any other form's.
 */
export async function postFile<T>(url: string, file: File): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-file-name': encodeURIComponent(file.name), accept: 'application/json' },
      body: file,
    });
  } catch {
    throw new ApiError('We could not reach the portal. Check your connection and try again.', 'NETWORK');
  }
  const body = (await response.json().catch(() => ({}))) as FileResponse<T>;
  const [first] = body.errors ?? [];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? ErrorCode.Internal, first.extensions?.fields ?? []);
  if (!response.ok || !body.data) throw new ApiError('The portal sent an answer we could not read. Try again.', ErrorCode.Internal);
  return body.data;
}
