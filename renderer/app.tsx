import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AssignmentIcon from '@mui/icons-material/Assignment';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import GavelIcon from '@mui/icons-material/Gavel';
import GroupsIcon from '@mui/icons-material/Groups';
import HistoryIcon from '@mui/icons-material/History';
import HomeIcon from '@mui/icons-material/Home';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import SettingsIcon from '@mui/icons-material/Settings';
import {
  AppBar, Box, Button, CssBaseline, Divider, Drawer, List, ListItem, ListItemButton, ListItemIcon, ListItemText, ListSubheader, ThemeProvider, Toolbar, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import SearchIcon from '@mui/icons-material/Search';
import { lazy, memo, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useSearchShortcut } from './components/search-shortcut';
import { NotifierProvider } from './components/notifier';
import { OutdatedBanner } from './components/outdated-banner';
import { ScreenErrorBoundary } from './components/screen-error-boundary';
import { NavigationProvider, useNavigation, type RouteId } from './navigation';
import OutboxIcon from '@mui/icons-material/Outbox';
import PaymentsIcon from '@mui/icons-material/Payments';
import { ROUTE_TABLES, ScreenTableProvider, useIsSharedMode } from './shared-session';
import { useStore } from './store-context';
import type { Store } from './db/store';
import { preloadCatalog } from './screens/catalog/catalog-reads';
import { theme } from './theme';

const DRAWER_WIDTH = 264;

interface NavItem {
  id: RouteId;
  label: string;
  icon: ReactNode;
}

const NAV_GROUPS: { title: string; items: NavItem[] }[] = [
  {
    title: 'Evidență',
    items: [
      { id: 'acasa', label: 'Acasă', icon: <HomeIcon /> },
      { id: 'catalog', label: 'Catalog ONG', icon: <AccountBalanceIcon /> },
      { id: 'registru', label: 'Registru unități licențiate', icon: <HomeWorkIcon /> },
    ],
  },
  {
    title: 'Subvenții',
    items: [
      { id: 'cereri', label: 'Cereri de subvenție', icon: <AssignmentIcon /> },
      { id: 'comisie', label: 'Comisie', icon: <GroupsIcon /> },
      { id: 'documente', label: 'Documente emise', icon: <OutboxIcon /> },
      { id: 'contracte', label: 'Convenții', icon: <ReceiptLongIcon /> },
      { id: 'deconturi', label: 'Deconturi și plăți', icon: <PaymentsIcon /> },
      { id: 'monitorizare', label: 'Monitorizare', icon: <FactCheckIcon /> },
    ],
  },
  {
    title: 'Administrare',
    items: [
      { id: 'parametri', label: 'Parametri legali', icon: <GavelIcon /> },
      { id: 'jurnal', label: 'Jurnal modificări', icon: <HistoryIcon /> },
      { id: 'setari', label: 'Setări', icon: <SettingsIcon /> },
    ],
  },
];

// Each screen is its own chunk, loaded when first opened: the DataGrid, the forms and what they
// import stay out of the start chunk, which holds the frame only. `preloadScreen` starts loading
// the screen of the address while the database opens.
const LOADERS = {
  acasa: () => import('./screens/home/home-screen').then((m) => ({ default: m.HomeScreen })),
  catalog: () => import('./screens/catalog/catalog-screen').then((m) => ({ default: m.CatalogScreen })),
  registru: () => import('./screens/register/register-screen').then((m) => ({ default: m.RegisterScreen })),
  cereri: () => import('./screens/requests/requests-screen').then((m) => ({ default: m.RequestsScreen })),
  comisie: () => import('./screens/commission/commission-screen').then((m) => ({ default: m.CommissionScreen })),
  documente: () => import('./screens/documents/issued-documents-screen').then((m) => ({ default: m.IssuedDocumentsScreen })),
  contracte: () => import('./screens/contracts/contracts-screen').then((m) => ({ default: m.ContractsScreen })),
  deconturi: () => import('./screens/settlements/settlements-screen').then((m) => ({ default: m.SettlementsScreen })),
  parametri: () => import('./screens/parameters/parameters-screen').then((m) => ({ default: m.ParametersScreen })),
  jurnal: () => import('./screens/audit/audit-screen').then((m) => ({ default: m.AuditScreen })),
  setari: () => import('./screens/settings/settings-screen').then((m) => ({ default: m.SettingsScreen })),
  monitorizare: () => import('./screens/monitoring/monitoring-screen').then((m) => ({ default: m.MonitoringScreen })),
  upcoming: () => import('./screens/upcoming/upcoming-screen').then((m) => ({ default: m.UpcomingScreen })),
};
// Shared mode's parts of the frame (status chip, offline banner, read-only notice): loaded only in shared mode.
const sharedParts = () => import('./components/shared-mode/frame-parts');
const SharedStatusChip = lazy(() => sharedParts().then((m) => ({ default: m.SharedStatusChip })));
const OfflineBanner = lazy(() => sharedParts().then((m) => ({ default: m.OfflineBanner })));
const ReadOnlyNotice = lazy(() => sharedParts().then((m) => ({ default: m.ReadOnlyNotice })));
const GlobalSearchDialog = lazy(() => import('./components/global-search').then((m) => ({ default: m.GlobalSearchDialog })));
const HomeScreen = lazy(LOADERS.acasa);
const CatalogScreen = lazy(LOADERS.catalog);
const RegisterScreen = lazy(LOADERS.registru);
const RequestsScreen = lazy(LOADERS.cereri);
const CommissionScreen = lazy(LOADERS.comisie);
const IssuedDocumentsScreen = lazy(LOADERS.documente);
const ContractsScreen = lazy(LOADERS.contracte);
const SettlementsScreen = lazy(LOADERS.deconturi);
const ParametersScreen = lazy(LOADERS.parametri);
const AuditScreen = lazy(LOADERS.jurnal);
const SettingsScreen = lazy(LOADERS.setari);
const MonitoringScreen = lazy(LOADERS.monitorizare);
const UpcomingScreen = lazy(LOADERS.upcoming);

/**
 * A screen's first read, started at start-up as soon as the database is open, not after the
 * screen's code has loaded and the frame is painted; the screen takes it over when it mounts. In
 * the start chunk (the catalog's is one live query, under 1 kB), so that it waits for no chunk.
 */
const FIRST_READS: Partial<Record<RouteId, (store: Store) => void>> = { catalog: preloadCatalog };

/** Starts loading the screen of the address and, once the database is open, the screen's first read. */
export function preloadScreen(route: RouteId, store?: Promise<Store>): void {
  const load = route in LOADERS ? LOADERS[route as keyof typeof LOADERS] : LOADERS.upcoming;
  load().catch(() => undefined); // a failure shows when the screen renders
  const firstRead = FIRST_READS[route];
  if (store && firstRead) store.then(firstRead).catch(() => undefined); // the screen reads for itself
}

/** Shared mode in the browser: every screen's code (and the frame's shared-mode parts), so that a screen still opens while the server is away. */
export function preloadAllScreens(): void {
  for (const load of [...Object.values(LOADERS), sharedParts]) load().catch(() => undefined);
}

function ScreenContent({ route }: { route: RouteId }) {
  switch (route) {
    case 'acasa':
      return <HomeScreen />;
    case 'catalog':
      return <CatalogScreen />;
    case 'registru':
      return <RegisterScreen />;
    case 'setari':
      return <SettingsScreen />;
    case 'jurnal':
      return <AuditScreen />;
    case 'cereri':
      return <RequestsScreen />;
    case 'parametri':
      return <ParametersScreen />;
    case 'comisie':
      return <CommissionScreen />;
    case 'documente':
      return <IssuedDocumentsScreen />;
    case 'contracte':
      return <ContractsScreen />;
    case 'deconturi':
      return <SettlementsScreen />;
    case 'monitorizare':
      return <MonitoringScreen />;
    default:
      return <UpcomingScreen area={route} />;
  }
}

function Screen({ route }: { route: RouteId }) {
  const isShared = useIsSharedMode();
  return (
    // Shared mode: the screen's main table decides its read-only notice and its dialogs' save buttons.
    <ScreenTableProvider table={ROUTE_TABLES[route]}>
      {isShared && (
        <Suspense fallback={null}>
          <ReadOnlyNotice />
        </Suspense>
      )}
      <Suspense fallback={<Typography color="text.secondary">Se încarcă…</Typography>}>
        <ScreenContent route={route} />
      </Suspense>
    </ScreenTableProvider>
  );
}

const MAIN_ID = 'continut';

/** Alt+← / Alt+→ go back and forward (the browser has them; the desktop window does not). */
function useHistoryKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === 'ArrowLeft') window.history.back();
      else if (event.key === 'ArrowRight') window.history.forward();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * The main menu: drawn again when the route changes, not with every address inside a screen (a
 * record or a tab opened re-renders the frame; the menu's twelve entries stayed as they were: issue 10).
 */
const NavMenu = memo(function NavMenu({ route, navigate }: { route: RouteId; navigate: (route: RouteId) => void }) {
  return (
    <Drawer
      variant="permanent"
      sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
    >
      <Toolbar variant="dense" />
      <Box component="nav" aria-label="Navigare principală" sx={{ overflow: 'auto' }}>
        {NAV_GROUPS.map((group, index) => (
          <List key={group.title} dense subheader={<ListSubheader>{group.title}</ListSubheader>}>
            {group.items.map((item) => (
              <ListItem key={item.id} disablePadding>
                <ListItemButton selected={route === item.id} aria-current={route === item.id ? 'page' : undefined} onClick={() => navigate(item.id)}>
                  <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
                  <ListItemText primary={item.label} />
                </ListItemButton>
              </ListItem>
            ))}
            {index < NAV_GROUPS.length - 1 && <Divider component="li" aria-hidden sx={{ mt: 1 }} />}
          </List>
        ))}
      </Box>
    </Drawer>
  );
});

function Frame() {
  const { route, navigate } = useNavigation();
  const store = useStore();
  const isShared = useIsSharedMode();
  const institution = useLiveQuery(() => store.settings.getInstitution(), [store]);
  const [isSearching, setSearching] = useState(false);
  const openSearch = useCallback(() => setSearching(true), []);
  useSearchShortcut(openSearch);
  useHistoryKeys();
  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <Box
        component="a"
        href={`#${MAIN_ID}`}
        onClick={(event: React.MouseEvent) => {
          // The hash is the app's address: move the focus to the content without changing it.
          event.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
        sx={{
          position: 'fixed', left: 8, top: -48, zIndex: (t) => t.zIndex.tooltip + 1, p: 1, bgcolor: 'background.paper', color: 'primary.main', borderRadius: 1, boxShadow: 3,
          '&:focus': { top: 8 },
        }}
      >
        Sari la conținut
      </Box>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense">
          <Typography variant="h6" component="div" sx={{ fontWeight: 600, mr: 2 }}>
            Subvenții ONG
          </Typography>
          <Typography variant="body2" sx={{ opacity: 0.85, flexGrow: 1 }} noWrap>
            {institution ? `${institution.name}${institution.department ? ` — ${institution.department}` : ''}` : ''}
          </Typography>
          <Button
            color="inherit"
            size="small"
            startIcon={<SearchIcon />}
            onClick={openSearch}
            aria-keyshortcuts="Control+K"
            sx={{ mr: 2, bgcolor: 'rgba(255,255,255,0.12)', textTransform: 'none', '&:hover': { bgcolor: 'rgba(255,255,255,0.2)' } }}
          >
            Caută… (Ctrl+K)
          </Button>
          {isShared && (
            <Suspense fallback={null}>
              <SharedStatusChip />
            </Suspense>
          )}
          {/* Shared mode: the audit author is the signed-in login, shown in the status chip. */}
          {!isShared && institution && !institution.userName.trim() && (
            <Button color="inherit" size="small" variant="outlined" onClick={() => navigate('setari')}>
              Completați numele utilizatorului pentru jurnal
            </Button>
          )}
          {!isShared && institution?.userName.trim() && (
            <Typography variant="body2" sx={{ opacity: 0.85 }} aria-label="Utilizator">
              {institution.userName}
            </Typography>
          )}
        </Toolbar>
      </AppBar>
      <NavMenu route={route} navigate={navigate} />
      <Box component="main" id={MAIN_ID} tabIndex={-1} sx={{ outline: 'none', flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', height: '100vh' }}>
        <Toolbar variant="dense" />
        {isShared && (
          <Suspense fallback={null}>
            <OfflineBanner />
          </Suspense>
        )}
        <Box sx={{ flexGrow: 1, minHeight: 0, p: 2, display: 'flex', flexDirection: 'column' }}>
          <ScreenErrorBoundary
            key={route}
            screen={NAV_GROUPS.flatMap((g) => g.items).find((i) => i.id === route)?.label ?? route}
            onBack={() => navigate(route === 'setari' ? 'catalog' : 'setari')}
            backLabel={route === 'setari' ? 'Mergi la Catalog ONG' : 'Mergi la Setări'}
          >
            <Screen route={route} />
          </ScreenErrorBoundary>
        </Box>
      </Box>
      {isSearching && (
        <Suspense fallback={null}>
          <GlobalSearchDialog onClose={() => setSearching(false)} />
        </Suspense>
      )}
    </Box>
  );
}

export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotifierProvider>
        <NavigationProvider>
          <Frame />
          <OutdatedBanner />
        </NavigationProvider>
      </NotifierProvider>
    </ThemeProvider>
  );
}
