/**
 * The shell: a dense antd layout with the page menu on the left, the language switch and the
 * user in the header, and one page at a time (hash routes, pages loaded on first visit).
 */
import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { App as AntApp, ConfigProvider, Layout, Menu, Segmented, Space, Spin, Typography, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { PAGES, navigate, useRoute, type PageName } from './router';
import { switchLanguage, type UiLanguage } from './i18n';

const PAGE_COMPONENTS: Record<PageName, LazyExoticComponent<ComponentType>> = {
  dashboard: lazy(() => import('./pages/dashboard')),
  standards: lazy(() => import('./pages/standards')),
  inspections: lazy(() => import('./pages/inspections')),
  findings: lazy(() => import('./pages/findings')),
  actions: lazy(() => import('./pages/actions')),
  plans: lazy(() => import('./pages/plans')),
  reviews: lazy(() => import('./pages/reviews')),
  import: lazy(() => import('./pages/import')),
  settings: lazy(() => import('./pages/settings')),
};

export function App({ userName }: { userName: string }) {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const [user, setUser] = useState(userName);
  const language = i18n.language as UiLanguage;
  const Page = PAGE_COMPONENTS[route.page];

  useEffect(() => {
    document.title = t('appTitle');
    // Date pickers take month and weekday names from dayjs, which antd's locale does not set.
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  }, [t, language]);
  useEffect(() => {
    const onUser = (e: Event) => setUser((e as CustomEvent<string>).detail);
    window.addEventListener('qms:user', onUser);
    return () => window.removeEventListener('qms:user', onUser);
  }, []);

  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={{ algorithm: theme.compactAlgorithm, token: { colorPrimary: '#1557b0', borderRadius: 4 } }}
      // antd spaces out a two-character Chinese label (保 存), which no Chinese desktop app does.
      button={{ autoInsertSpace: false }}
      // A long value (an action of 800 characters, a plan's carried-over gaps) squeezed a
      // details table's label column to one character a line (整/改/措/施): labels keep their
      // width, values wrap, even inside a long code or number.
      descriptions={{
        styles: { label: { whiteSpace: 'nowrap' }, content: { overflowWrap: 'anywhere' } },
      }}
      // A drawer's title grew to its text and ran under the buttons beside it; held to the
      // room left, an ellipsis title (Typography's, with the full text on hover) can show.
      drawer={{ styles: { title: { minWidth: 0 } } }}
    >
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            {/* One line in both languages: "Quality Workbench" at 15px wrapped in the 184px sider,
                pushing the menu down. 14px fits; the ellipsis (full title on hover) guards a wider font. */}
            <div
              style={{
                padding: '14px 12px',
                fontWeight: 600,
                fontSize: 14,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
              title={t('appTitle')}
              data-testid="app-title"
            >
              {t('appTitle')}
            </div>
            <Menu
              mode="inline"
              // The sider draws the full-height edge; the menu's own stopped where its items do.
              style={{ borderInlineEnd: 'none' }}
              selectedKeys={[route.page]}
              items={PAGES.map((page) => ({
                key: page,
                label: t(`nav.${page}`),
                'data-testid': `nav-${page}`,
              }))}
              onClick={({ key }) => navigate(key as PageName)}
            />
          </Layout.Sider>
          <Layout>
            <Layout.Header
              style={{
                background: '#fff',
                padding: '0 16px',
                height: 44,
                lineHeight: '44px',
                borderBottom: '1px solid #f0f0f0',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'space-between',
              }}
            >
              <Typography.Text strong>{t(`nav.${route.page}`)}</Typography.Text>
              <Space>
                <Typography.Text type="secondary" data-testid="current-user">
                  {t('currentUser', { user })}
                </Typography.Text>
                <Segmented
                  size="small"
                  data-testid="language-switch"
                  value={language}
                  options={[
                    { label: '中文', value: 'zh-CN' },
                    { label: 'English', value: 'en' },
                  ]}
                  onChange={(value) => void switchLanguage(value as UiLanguage)}
                />
              </Space>
            </Layout.Header>
            <Layout.Content style={{ padding: 12, background: '#f5f6f8' }}>
              <Suspense
                fallback={
                  <div data-testid="page-loading">
                    <Spin />
                  </div>
                }
              >
                <Page key={route.page} />
              </Suspense>
            </Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
