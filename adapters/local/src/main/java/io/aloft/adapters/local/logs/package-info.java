/** Reads the logs of local task processes for DataProxyService.TailLogs. */
package io.aloft.adapters.local.logs;
