// The modules Grafana shares with plugins at run time (the scaffold's webpack externals), from the host's bundle.
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as grafanaI18n from '@grafana/i18n';
import i18next from 'i18next';
import lodash from 'lodash';
import React from 'react';
import ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import * as reactRouter from 'react-router';
import * as reactRouterDom from 'react-router-dom';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

export const SHARED_MODULES: Record<string, unknown> = {
  react: React,
  'react-dom': ReactDOM,
  'react/jsx-runtime': jsxRuntime,
  'react/jsx-dev-runtime': jsxRuntime,
  '@grafana/data': grafanaData,
  '@grafana/ui': grafanaUi,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/i18n': grafanaI18n,
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  emotion: emotionCss,
  lodash,
  rxjs,
  'rxjs/operators': rxjsOperators,
  'react-router': reactRouter,
  'react-router-dom': reactRouterDom,
  i18next,
};
