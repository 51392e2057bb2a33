// The shell: login when nobody is signed in, else the layout with the menu, the agency and year
// pickers, and the pages. Every page is a file in pages/ with a default export.
import { Alert, Button, Layout, Menu, Result, Select, Space, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { api } from './api.ts';
import { type Me, SessionProvider, useMe, useSessionQuery, type UserRole } from './session.tsx';
import { useWorkspace, WorkspaceProvider } from './workspace.tsx';
import LoginPage from './pages/LoginPage.tsx';
import AccountPage from './pages/AccountPage.tsx';

const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx'));
const ApplicationsPage = lazy(() => import('./pages/ApplicationsPage.tsx'));
const NewApplicationPage = lazy(() => import('./pages/NewApplicationPage.tsx'));
const CasePage = lazy(() => import('./pages/CasePage.tsx'));
const ProactivePage = lazy(() => import('./pages/ProactivePage.tsx'));
const ReviewsPage = lazy(() => import('./pages/ReviewsPage.tsx'));
const FeesPage = lazy(() => import('./pages/FeesPage.tsx'));
const ReportPage = lazy(() => import('./pages/ReportPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const CalendarPage = lazy(() => import('./pages/CalendarPage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const ReviewIssuesPage = lazy(() => import('./pages/ReviewIssuesPage.tsx'));
const ReviewAggregatePage = lazy(() => import('./pages/ReviewAggregatePage.tsx'));
const ReviewQueuePage = lazy(() => import('./pages/ReviewQueuePage.tsx'));
const RectificationPage = lazy(() => import('./pages/RectificationPage.tsx'));
const ReviewBatchesPage = lazy(() => import('./pages/ReviewBatchesPage.tsx'));
const ReviewBatchPage = lazy(() => import('./pages/ReviewBatchPage.tsx'));
const ReviewReportPage = lazy(() => import('./pages/ReviewReportPage.tsx'));
const ReviewComparePage = lazy(() => import('./pages/ReviewComparePage.tsx'));

interface Entry {
  path: string;
  label: string;
  roles?: UserRole[];
  /** Shown only when this holds of the user (beyond the roles). */
  when?: (me: Me) => boolean;
}

/** 审阅人, and the system's administrator (no agency), use the reviewer console. */
const isReviewer = (me: Me) => me.user.role === 'reviewer' || (me.user.role === 'admin' && me.user.agencyId === null);
/** Agency staff receive 整改 notices for their agency. */
const isAgencyStaff = (me: Me) => me.user.role !== 'reviewer' && me.user.agencyId !== null;

/** The menu, in the order of the work. */
const MENU: Entry[] = [
  { path: '/', label: '工作台' },
  { path: '/applications', label: '依申请公开台账' },
  { path: '/proactive', label: '主动公开' },
  { path: '/reviews', label: '复议与诉讼' },
  { path: '/fees', label: '信息处理费' },
  { path: '/report', label: '年度报告' },
  { path: '/audit', label: '操作记录' },
  { path: '/calendar', label: '工作日历' },
  { path: '/users', label: '用户管理', roles: ['admin'] },
  { path: '/review', label: '审阅批次', when: isReviewer },
  { path: '/review/queue', label: '采集队列', when: isReviewer },
  { path: '/rectification', label: '整改通知', when: isAgencyStaff },
];

/** A reviewer's page; anyone else is told it is not theirs (the API refuses them too). */
function ReviewerOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (!isReviewer(me)) return <Result status="403" title="无权访问" subTitle="只有审阅人可以使用审阅功能" extra={<Link to="/">回到工作台</Link>} />;
  return children;
}

function Header() {
  const me = useMe();
  const { agencies, agencyId, setAgencyId, year, setYear } = useWorkspace();
  const client = useQueryClient();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const logout = async () => {
    await api('POST', '/logout').catch(() => undefined);
    // The session query's observer stays subscribed; every other cached answer belonged to the user.
    client.setQueryData(['me'], null);
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  };
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      <Space>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          公开 · 政府信息公开工作台
        </Typography.Text>
      </Space>
      <Space>
        <label htmlFor="gk-agency" style={{ color: '#fff' }}>
          机关
        </label>
        <Select
          id="gk-agency"
          style={{ minWidth: 220 }}
          value={agencyId}
          onChange={setAgencyId}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <label htmlFor="gk-year" style={{ color: '#fff' }}>
          年度
        </label>
        <Select id="gk-year" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        <Link to="/account" style={{ color: '#fff' }}>
          {me.user.displayName}（{me.user.roleName}）
        </Link>
        <Button size="small" onClick={logout}>
          退出
        </Button>
      </Space>
    </Space>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const entries = MENU.filter((e) => (!e.roles || e.roles.includes(me.user.role)) && (!e.when || e.when(me)));
  const selected = [...entries].reverse().find((e) => (e.path === '/' ? location.pathname === '/' : location.pathname.startsWith(e.path)));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ paddingInline: 16 }}>
        <Header />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light">
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected.path] : []}
              items={entries.map((e) => ({ key: e.path, label: <Link to={e.path}>{e.label}</Link> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 16 }}>
          <main>
            <Suspense fallback={<Spin />}>{children}</Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Pages() {
  const me = useMe();
  if (me.user.mustChangePassword) return <AccountPage mustChange />;
  return (
    <WorkspaceProvider>
      <Shell>
        <Routes>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/applications" element={<ApplicationsPage />} />
          <Route path="/applications/new" element={<NewApplicationPage />} />
          <Route path="/applications/:id" element={<CasePage />} />
          <Route path="/proactive" element={<ProactivePage />} />
          <Route path="/reviews" element={<ReviewsPage />} />
          <Route path="/fees" element={<FeesPage />} />
          <Route path="/report" element={<ReportPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/calendar" element={<CalendarPage />} />
          <Route path="/users" element={<UsersPage />} />
          <Route
            path="/review/batches/:id/issues"
            element={
              <ReviewerOnly>
                <ReviewIssuesPage />
              </ReviewerOnly>
            }
          />
          <Route
            path="/review/batches/:id/aggregate"
            element={
              <ReviewerOnly>
                <ReviewAggregatePage />
              </ReviewerOnly>
            }
          />
          <Route
            path="/review/queue"
            element={
              <ReviewerOnly>
                <ReviewQueuePage />
              </ReviewerOnly>
            }
          />
          <Route path="/rectification" element={<RectificationPage />} />
          <Route path="/review" element={<ReviewBatchesPage />} />
          <Route path="/review/batches/:id" element={<ReviewBatchPage />} />
          <Route path="/review/reports/:id" element={<ReviewReportPage />} />
          <Route path="/review/compare" element={<ReviewComparePage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/login" element={<Navigate to="/" replace />} />
          <Route path="*" element={<Result status="404" title="没有这个页面" extra={<Link to="/">回到工作台</Link>} />} />
        </Routes>
      </Shell>
    </WorkspaceProvider>
  );
}

export function App() {
  const { data: me, isPending, error } = useSessionQuery();
  if (isPending) return <Spin fullscreen tip="正在加载" />;
  if (error) return <Alert type="error" showIcon title="无法连接服务器" description={error.message} />;
  if (!me) return <LoginPage />;
  return (
    <SessionProvider me={me}>
      <Pages />
    </SessionProvider>
  );
}
