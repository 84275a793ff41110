/** Settings: who I am, the language, the organisation (regions and branches), and backups. */
import { Card, Col, Row } from 'antd';
import { ProfileCard } from './ProfileCard';
import { RegionsCard } from './RegionsCard';
import { BranchesCard } from './BranchesCard';
import { BackupsCard } from './BackupsCard';

export default function SettingsPage() {
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={10}>
        <ProfileCard />
      </Col>
      <Col xs={24} xl={14}>
        <BackupsCard />
      </Col>
      <Col xs={24} xl={10}>
        <RegionsCard />
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" styles={{ body: { padding: 0 } }} variant="borderless">
          <BranchesCard />
        </Card>
      </Col>
    </Row>
  );
}
