/** A participation whose figures cannot be taken as they are: "contenu inconnu", or a log the engine would not have chosen. */
import { useTranslation } from 'react-i18next';
import type { ParticipationFlag } from '../../../data/campaign-types.ts';

export function FlagNote({ flag }: { flag: ParticipationFlag | null }) {
  const { t } = useTranslation();
  if (flag === null) return null;
  return (
    <span className="flag" title={t(`teacher.campaigns.flags.${flag === 'unknown-content' ? 'unknownContentHelp' : 'replayMismatchHelp'}`)}>
      {flag === 'unknown-content' ? t('results.status.unknownContent') : t('teacher.campaigns.flags.replayMismatch')}
    </span>
  );
}
