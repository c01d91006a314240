import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { buildRegionTree, useRegions } from '../lib/regions';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
}

/** A region picker over GET /api/regions; works as a controlled antd Form item. */
export function RegionTreeSelect({ value, onChange, placeholder, id, allowClear }: Props) {
  const regions = useRegions();
  const treeData = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);
  const rootKeys = useMemo(() => treeData.map((n) => n.value), [treeData]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={regions.isLoading}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={rootKeys}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
