import React, { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { ROUTES } from '../constants';
import { AppJsonDataContext } from '../settings/AppJsonDataContext';
import type { AppJsonData } from '../settings/types';

const TasksPage = lazy(() => import('../pages/TasksPage'));
const TaskFlowPage = lazy(() => import('../pages/TaskFlowPage'));
const LogsPage = lazy(() => import('../pages/LogsPage'));
const FilePage = lazy(() => import('../pages/FilePage'));

function App(props: AppRootProps<AppJsonData>) {
  return (
    <AppJsonDataContext.Provider value={props.meta?.jsonData}>
      <Routes>
        <Route path={ROUTES.Tasks} element={<TasksPage />} />
        <Route path={`${ROUTES.Tasks}/:taskId`} element={<TaskFlowPage />} />
        <Route path={`${ROUTES.Trace}/:traceId`} element={<TaskFlowPage />} />
        <Route path={ROUTES.Logs} element={<LogsPage />} />
        <Route path={ROUTES.File} element={<FilePage />} />
        <Route path="*" element={<Navigate to={ROUTES.Tasks} replace />} />
      </Routes>
    </AppJsonDataContext.Provider>
  );
}

export default App;
