import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

/** "File an achievement / a demand": the button to the filing form. */
export function FileRecordButton({ to, label, testId }: { to: string; label: string; testId: string }) {
  return (
    <Link to={to}>
      <Button type="primary" icon={<PlusOutlined />} data-testid={testId}>
        {label}
      </Button>
    </Link>
  );
}
