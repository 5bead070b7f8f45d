/** The signed-in teacher's token for the campaign stores; a token the relay refuses signs the teacher out. */
import type { CampaignFailure } from '../../../data/campaigns-client.ts';
import { useStaffSession } from '../../auth/staff-session.store.ts';

export function staffToken(): string | null {
  return useStaffSession.getState().token;
}

export function signOutWhenUnauthorized(failure: CampaignFailure): void {
  if (failure.reason === 'unauthorized') useStaffSession.getState().signOut();
}
