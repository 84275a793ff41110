import { useTranslation } from 'react-i18next';

/** Placeholder so the router compiles; the page itself lands next. */
export default function PlansPage() {
  const { t } = useTranslation('plans');
  return <h2>{t('title')}</h2>;
}
