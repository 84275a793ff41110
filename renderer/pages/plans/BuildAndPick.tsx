/**
 * The left column of the plans and reviews pages: build a new one for a scope and period
 * (with an optional title), and the list of those built, the open one highlighted. The open
 * one's id is in the hash route (`#/plans?id=…`), so links and the back button reach it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Input, List, Space, Typography } from 'antd';
import type { Scope } from '../../../shared/schemas/common';
import { ScopePeriodBar, isComplete, usePeriods, type ScopePeriod } from '../dashboard/ScopePeriodBar';
import { hashLink, hashQuery } from '../dashboard/route';

export function useHashId(): string | null {
  const [id, setId] = useState(() => hashQuery().get('id'));
  useEffect(() => {
    const onHash = () => setId(hashQuery().get('id'));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return id;
}

export const openById = (page: 'plans' | 'reviews', id: string) =>
  (window.location.hash = hashLink(`/${page}`, { id }));

export interface PickItem {
  id: string;
  title: string;
  description: string;
  extra?: ReactNode;
}

export function BuildAndPick({
  texts,
  testIds,
  busy,
  onBuild,
  items,
  selectedId,
  onPick,
}: {
  texts: {
    title: string;
    titlePlaceholder: string;
    button: string;
    hint: string;
    listTitle: string;
    empty: string;
  };
  testIds: { button: string; list: string };
  busy: boolean;
  onBuild: (input: { scope: Scope; period: string; title?: string }) => void;
  items: PickItem[] | null;
  selectedId: string | null;
  onPick: (id: string) => void;
}) {
  const periods = usePeriods();
  const [choice, setChoice] = useState<ScopePeriod>({ scope: { type: 'all' }, period: null });
  const [title, setTitle] = useState('');
  useEffect(() => {
    if (!choice.period && periods?.[0]) setChoice((c) => ({ ...c, period: periods[0]! }));
  }, [periods, choice.period]);

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Card size="small" title={texts.title}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          {periods && <ScopePeriodBar value={choice} periods={periods} onChange={setChoice} />}
          <Input
            size="small"
            placeholder={texts.titlePlaceholder}
            aria-label={texts.titlePlaceholder}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <Button
            type="primary"
            size="small"
            disabled={!isComplete(choice)}
            loading={busy}
            onClick={() => isComplete(choice) && onBuild({ ...choice, title: title.trim() || undefined })}
            data-testid={testIds.button}
          >
            {texts.button}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {texts.hint}
          </Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={texts.listTitle} styles={{ body: { padding: 0 } }}>
        <List
          size="small"
          dataSource={items ?? []}
          loading={!items}
          locale={{ emptyText: texts.empty }}
          data-testid={testIds.list}
          renderItem={(item) => (
            <List.Item
              onClick={() => onPick(item.id)}
              style={{
                cursor: 'pointer',
                padding: '6px 12px',
                background: item.id === selectedId ? '#e6f4ff' : undefined,
              }}
              extra={item.extra}
            >
              <List.Item.Meta
                title={<Typography.Link style={{ fontSize: 13 }}>{item.title}</Typography.Link>}
                description={<span style={{ fontSize: 12 }}>{item.description}</span>}
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
