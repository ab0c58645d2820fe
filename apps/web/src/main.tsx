import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './design/tokens.css';
import { App } from './app/app';
import { loadChosenLanguage } from './lib/i18n/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
void loadChosenLanguage().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
