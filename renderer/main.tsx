import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './components/grid-setup';
import { client } from './client';
import { initI18n, systemLanguage, toUiLanguage } from './i18n';
import { App } from './App';
import './app.css';

/** The saved language wins over the system's; the settings call also proves the transport works. */
async function start() {
  const settings = await client.call('settings:get', {}).catch(() => null);
  await initI18n(toUiLanguage(settings?.language) ?? systemLanguage());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App userName={settings?.userName ?? ''} />
    </StrictMode>,
  );
}

void start();
