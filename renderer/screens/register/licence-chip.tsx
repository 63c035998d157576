import { Chip } from '@mui/material';
import { LICENCE_STATE_LABELS, type LicenceState } from '../../../src/register/unit';

export const LICENCE_STATE_COLORS: Record<LicenceState, 'success' | 'warning' | 'error' | 'default' | 'info'> = {
  valida: 'success',
  expira_curand: 'warning',
  expirata: 'error',
  neinceputa: 'info',
  lipsa: 'default',
};

export function LicenceChip({ state }: { state: LicenceState }) {
  return <Chip size="small" label={LICENCE_STATE_LABELS[state]} color={LICENCE_STATE_COLORS[state]} variant={state === 'valida' ? 'outlined' : 'filled'} />;
}
