import { Tag, Tooltip } from 'antd';
import { TRL_LEVELS } from '../../../../common/catalog';
import { useLabel } from '../../i18n/locale';

/** "TRL 6" with the level's definition on hover (or beside it when `withDefinition`). */
export function TrlTag({ level, prefix = 'TRL', withDefinition = false }: { level: number; prefix?: string; withDefinition?: boolean }) {
  const label = useLabel();
  const definition = label(TRL_LEVELS.find((l) => l.level === level));
  if (withDefinition) {
    return (
      <span>
        <Tag color="geekblue">
          {prefix} {level}
        </Tag>
        {definition}
      </span>
    );
  }
  return (
    <Tooltip title={definition}>
      <Tag color="geekblue">
        {prefix} {level}
      </Tag>
    </Tooltip>
  );
}
