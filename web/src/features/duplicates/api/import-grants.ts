import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type FieldError } from '../../../../../shared/errors.ts';
import { ApiError } from '../../../app/graphql-client.ts';

export interface GrantImport {
  id: string;
  fileName: string;
  grantCount: number;
  skippedIndividuals: number;
  funderNames: string[];
}

interface ImportResponse {
  data?: GrantImport;
  errors?: { message: string; extensions?: { code?: string; fields?: FieldError[] } }[];
}

/**
 * Sends a 360Giving file as it is, not through GraphQL: a year of a large funder's grants is megabytes,
 * and GraphQL requests are held to 200 KB. Refusals come in the GraphQL error shape, one problem per
 * row and field, so they are shown the same way as any other form's.
 */
export async function importGrants(fundId: string, file: File): Promise<GrantImport> {
  let response: Response;
  try {
    response = await fetch(`/imports/360giving?fundId=${encodeURIComponent(fundId)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-file-name': encodeURIComponent(file.name), accept: 'application/json' },
      body: file,
    });
  } catch {
    throw new ApiError('We could not reach the portal. Check your connection and try again.', 'NETWORK');
  }
  const body = (await response.json().catch(() => ({}))) as ImportResponse;
  const [first] = body.errors ?? [];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? ErrorCode.Internal, first.extensions?.fields ?? []);
  if (!response.ok || !body.data) throw new ApiError('The portal sent an answer we could not read. Try again.', ErrorCode.Internal);
  return body.data;
}

/** An import brings new grants, and the fund is checked against them at once: its flags change. */
export const useImportGrants = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importGrants(fundId, file),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['fund', fundId] }), queryClient.invalidateQueries({ queryKey: ['application'] }), queryClient.invalidateQueries({ queryKey: ['meeting'] })]),
  });
};
