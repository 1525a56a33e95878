import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postFile } from '../../../app/post-file.ts';

export interface GrantImport {
  id: string;
  fileName: string;
  grantCount: number;
  skippedIndividuals: number;
  funderNames: string[];
}

/** Sends a 360Giving file as it is, not through GraphQL: a year of a large funder's grants is megabytes. */
export function importGrants(fundId: string, file: File): Promise<GrantImport> {
  return postFile<GrantImport>(`/imports/360giving?fundId=${encodeURIComponent(fundId)}`, file);
}

/** An import brings new grants, and the fund is checked against them at once: its flags change. */
export const useImportGrants = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importGrants(fundId, file),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['fund', fundId] }), queryClient.invalidateQueries({ queryKey: ['application'] }), queryClient.invalidateQueries({ queryKey: ['meeting'] })]),
  });
};
