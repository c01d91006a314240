import { App } from 'antd';
import { useT } from '../../i18n/locale';
import { useProblemHandler } from '../../lib/problems';
import { SaveSearchButton, type Notify } from './SaveSearchButton';

interface WatchMutation {
  isPending: boolean;
  mutateAsync: (body: { recordId: string; name: string; notify: Notify }) => Promise<unknown>;
}

/** On a record's matches card: be notified when newly published records on the other side match it well. */
export function WatchMatchesButton({ recordId, recordTitle, watch }: { recordId: string; recordTitle: string; watch: WatchMutation }) {
  const t = useT();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  return (
    <SaveSearchButton
      label={t('match.watch')}
      testId="watch-matches"
      defaultName={t('match.watchName', { title: recordTitle.slice(0, 60) })}
      pending={watch.isPending}
      onSave={({ name, notify }) =>
        watch.mutateAsync({ recordId, name, notify }).then(
          () => message.success(t('match.watching')),
          (e: unknown) => {
            onProblem(e);
            throw e;
          },
        )
      }
    />
  );
}
