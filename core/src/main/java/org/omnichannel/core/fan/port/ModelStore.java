package org.omnichannel.core.fan.port;

import org.omnichannel.core.fan.match.MatchModel;

import java.util.Optional;

/**
 * Where the probabilistic model (m and u probabilities per comparison level, learned by EM) is
 * kept between runs. {@code JsonModelStore} keeps it in a file; OFBiz keeps it in a row.
 */
public interface ModelStore {

    Optional<MatchModel> load();

    void save(MatchModel model);
}
