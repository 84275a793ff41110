import { useTranslation } from 'react-i18next';

/** Placeholder so the router compiles; the page itself lands next. */
export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  return <h2>{t('title')}</h2>;
}
