/**
 * {@code ./aloft demo}: a newcomer's first look at Aloft. {@link io.aloft.manager.demo.DemoMain}
 * starts an embedded manager, then drives it only through its public Connect API (and the object
 * store, to upload file inputs): it deploys the sample tasks of {@code examples/}, runs them,
 * prints their action trees as they change, and checks how each run ended.
 */
package io.aloft.manager.demo;
