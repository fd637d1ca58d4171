import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary, ErrorDialogHost, installErrorNet } from './app/ErrorNet';
import './styles.css';

installErrorNet();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
    <ErrorDialogHost />
  </StrictMode>,
);
