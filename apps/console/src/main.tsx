import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Provider as GraphQLProvider } from 'urql';
import { App } from './App';
import { graphqlClient } from './client';
import { ConsoleMantineProvider } from './components/ConsoleMantineProvider';
import { LocaleProvider } from './i18n/locale';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The language outside Mantine: the theme names Mantine's own controls (close buttons) in it.
createRoot(root).render(
  <StrictMode>
    <LocaleProvider>
      <ConsoleMantineProvider>
        <GraphQLProvider value={graphqlClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </GraphQLProvider>
      </ConsoleMantineProvider>
    </LocaleProvider>
  </StrictMode>,
);
